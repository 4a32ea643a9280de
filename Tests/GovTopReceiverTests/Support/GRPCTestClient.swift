import NIOCore
import NIOHPACK
import NIOHTTP2
import NIOPosix
import NIOSSL

/// A gRPC client over a real HTTP/2 connection (NIOHTTP2 with prior knowledge, as OTLP
/// exporters connect without TLS): one unary call per stream, frames as the test gives them.
final class GRPCTestClient: Sendable {
    /// What the server answered on one stream.
    struct Reply: Sendable {
        var headers: [(String, String)] = []
        /// DATA bytes, prefixes included.
        var data: [UInt8] = []
        var trailers: [(String, String)] = []
        /// The stream was reset (RST_STREAM) rather than ended with END_STREAM.
        var reset = false

        func header(_ name: String) -> String? {
            (headers + trailers).first { $0.0 == name }?.1
        }

        var httpStatus: Int? { header(":status").flatMap(Int.init) }
        /// `grpc-status`; nil when the server sent none.
        var status: Int? { header("grpc-status").flatMap(Int.init) }
        var message: String? { header("grpc-message") }

        /// The response messages, without their prefixes.
        var messages: [[UInt8]] {
            var messages: [[UInt8]] = []
            var index = 0
            while index + 5 <= data.count {
                let length = data[index + 1 ..< index + 5].reduce(0) { $0 << 8 | Int($1) }
                messages.append(Array(data[index + 5 ..< min(data.count, index + 5 + length)]))
                index += 5 + length
            }
            return messages
        }

        /// `grpc-status-details-bin`, decoded.
        var details: [UInt8]? {
            header("grpc-status-details-bin").flatMap { Base64Test.decode($0) }
        }
    }

    static let tracePath = "/opentelemetry.proto.collector.trace.v1.TraceService/Export"
    static let metricsPath = "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"
    static let logsPath = "/opentelemetry.proto.collector.logs.v1.LogsService/Export"

    private let group: MultiThreadedEventLoopGroup
    let channel: Channel
    private let multiplexer: NIOHTTP2Handler.StreamMultiplexer

    /// - Parameter tls: speak TLS (the context offers ALPN `h2`), verifying the name `localhost`.
    init(port: Int, tls: NIOSSLContext? = nil) async throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            let (channel, multiplexer) = try await ClientBootstrap(group: group)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let tls {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: "localhost"))
                        }
                        _ = try channel.pipeline.syncOperations.configureHTTP2Pipeline(
                            mode: .client, connectionConfiguration: .init(), streamConfiguration: .init()) { stream in
                            stream.eventLoop.makeSucceededVoidFuture()
                        }
                    }
                }
                .connect(host: "127.0.0.1", port: port)
                .flatMap { channel in
                    channel.pipeline.handler(type: NIOHTTP2Handler.self).flatMap { handler in
                        channel.eventLoop.makeCompletedFuture { (channel, try handler.syncMultiplexer()) }
                    }
                }
                .get()
            self.channel = channel
            self.multiplexer = multiplexer
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// `message` with its 5-byte prefix.
    static func framed(_ message: [UInt8], compressed: Bool = false) -> [UInt8] {
        let length = UInt32(message.count)
        return [compressed ? 1 : 0, UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            + message
    }

    /// One call: HEADERS (the gRPC request headers, with `extraHeaders` replacing any of the same
    /// name), then `body` in DATA frames of `chunk` bytes, the last with END_STREAM.
    func call(_ path: String, body: [UInt8], extraHeaders: [(String, String)] = [], chunk: Int = 16_384) async throws -> Reply {
        try await start(path, body: body, extraHeaders: extraHeaders, chunk: chunk, endStream: true).get()
    }

    /// Starts a call and sends `body`, ending the request only when `endStream`; the reply comes
    /// when the server ends the stream.
    func start(_ path: String, body: [UInt8], extraHeaders: [(String, String)] = [], chunk: Int = 16_384,
               endStream: Bool) async throws -> EventLoopFuture<Reply> {
        var headers: [(String, String)] = [
            (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", "127.0.0.1"),
            ("content-type", "application/grpc"), ("te", "trailers"),
        ]
        for (name, value) in extraHeaders {
            headers.removeAll { $0.0 == name }
            headers.append((name, value))
        }
        let promise = channel.eventLoop.makePromise(of: Reply.self)
        let stream: any Channel
        do {
            stream = try await multiplexer.createStreamChannel { stream in
                stream.eventLoop.makeCompletedFuture { try stream.pipeline.syncOperations.addHandler(ReplyCollector(promise)) }
            }.get()
        } catch {
            // A stream refused (the server went away under load) leaves the promise to nobody: a
            // debug build traps on a promise dropped uncompleted.
            promise.fail(error)
            throw error
        }
        let hpack = HPACKHeaders(headers)
        let chunks = stride(from: 0, to: body.count, by: chunk).map { Array(body[$0 ..< min(body.count, $0 + chunk)]) }
        try await stream.eventLoop.submit {
            stream.write(HTTP2Frame.FramePayload.headers(.init(headers: hpack, endStream: endStream && chunks.isEmpty)), promise: nil)
            for (index, part) in chunks.enumerated() {
                let data = HTTP2Frame.FramePayload.Data(data: .byteBuffer(ByteBuffer(bytes: part)),
                                                        endStream: endStream && index == chunks.count - 1)
                stream.write(HTTP2Frame.FramePayload.data(data), promise: nil)
            }
            stream.flush()
        }.get()
        return promise.futureResult
    }

    /// A unary Export call with a protobuf message, optionally gzip-compressed.
    func export(_ path: String, message: [UInt8], gzip: Bool = false) async throws -> Reply {
        guard gzip else { return try await call(path, body: Self.framed(message)) }
        return try await call(path, body: Self.framed(Zlib.compress(message, .gzip), compressed: true),
                              extraHeaders: [("grpc-encoding", "gzip")])
    }

    func close() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    /// Collects one stream's reply and completes the promise when the stream ends.
    private final class ReplyCollector: ChannelInboundHandler {
        typealias InboundIn = HTTP2Frame.FramePayload
        private let promise: EventLoopPromise<Reply>
        private var reply = Reply()
        private var headersSeen = false

        init(_ promise: EventLoopPromise<Reply>) {
            self.promise = promise
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .headers(let headers):
                let fields = headers.headers.map { ($0.name, $0.value) }
                if headersSeen { reply.trailers += fields } else { reply.headers += fields }
                headersSeen = true
                if headers.endStream { promise.succeed(reply) }
            case .data(let data):
                if case .byteBuffer(let buffer) = data.data { reply.data += Array(buffer.readableBytesView) }
                if data.endStream { promise.succeed(reply) }
            case .rstStream:
                reply.reset = true
            default:
                break
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            reply.reset = true
            promise.succeed(reply)
        }

        func errorCaught(context: ChannelHandlerContext, error: Error) {
            context.close(promise: nil)
        }
    }
}

/// Decodes base64 with or without padding (gRPC's `-bin` headers omit it).
enum Base64Test {
    static func decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var values: [UInt8] = []
        for byte in text.utf8 where byte != UInt8(ascii: "=") {
            guard let index = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(index))
        }
        var output: [UInt8] = []
        var index = 0
        while index + 1 < values.count {
            let group = values[index ..< min(values.count, index + 4)]
            let bits = group.enumerated().reduce(0) { $0 | Int($1.element) << (18 - 6 * $1.offset) }
            output.append(UInt8(bits >> 16 & 0xFF))
            if group.count > 2 { output.append(UInt8(bits >> 8 & 0xFF)) }
            if group.count > 3 { output.append(UInt8(bits & 0xFF)) }
            index += 4
        }
        return output
    }
}
