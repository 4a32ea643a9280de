import NIOCore
import NIOPosix
import NIOSSL

/// One HTTP/1.1 request over a real TLS connection (swift-nio-ssl's client, verifying the server's
/// certificate against `trustRoot` and the name `localhost`), read to the connection's close.
enum TLSTestClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The client context: trusts only `trustRoot`, offers ALPN `protocols`.
    static func context(trusting trustRoot: String, protocols: [String] = ["http/1.1"]) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file(trustRoot)
        configuration.applicationProtocols = protocols
        return try NIOSSLContext(configuration: configuration)
    }

    /// Sends `method path` (with `headers`) and returns the status and the whole response text.
    static func request(port: Int, trustRoot: String, _ method: String, _ path: String,
                        headers: [(String, String)] = []) async throws -> (status: Int, text: String) {
        let context = try context(trusting: trustRoot)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let result = try await exchange(group: group, context: context, port: port, method, path, headers: headers)
            try? await group.shutdownGracefully()
            return result
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func exchange(group: MultiThreadedEventLoopGroup, context: NIOSSLContext, port: Int, _ method: String, _ path: String,
                                 headers: [(String, String)]) async throws -> (status: Int, text: String) {
        let collector = ResponseCollector()
        let channel = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                    try channel.pipeline.syncOperations.addHandler(collector)
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try await channel.writeAndFlush(channel.allocator.buffer(string: head + "\r\n")).get()
        let bytes = try await collector.done.futureResult.get()
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\r\n").first, let status = Int(line.split(separator: " ").dropFirst().first ?? "") else {
            throw Failure(description: "no HTTP response over TLS: \(text.prefix(200))")
        }
        return (status, text)
    }

    /// Gathers everything the server sends until the connection closes.
    private final class ResponseCollector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        private var bytes: [UInt8] = []
        private var completed = false
        let done: EventLoopPromise<[UInt8]>

        init() {
            done = MultiThreadedEventLoopGroup.singleton.next().makePromise()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            bytes += unwrapInboundIn(data).readableBytesView
        }

        func channelInactive(context: ChannelHandlerContext) {
            if !completed { done.succeed(bytes) }
            completed = true
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            // A TLS close without close_notify after a full response is not a failure of the exchange.
            if bytes.isEmpty, !completed {
                completed = true
                done.fail(error)
            }
            context.close(promise: nil)
        }
    }
}
