import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// An HTTP server on 127.0.0.1 that answers each request with the next scripted response (200
/// with an empty body once the script runs out) and records what it received.
final class StubOTLPServer: Sendable {
    struct Response: Sendable {
        var status: HTTPResponseStatus
        var headers: [(String, String)] = []
        var body: [UInt8] = []
        /// Wait this long before answering.
        var delay: TimeAmount = .zero
    }

    struct Request: Sendable {
        var path: String
        var contentType: String?
        var body: [UInt8]
        /// The client's port: equal for requests on one connection.
        var clientPort: Int
        var method: String = "POST"
        var authorization: String?
    }

    /// The script and the log, shared with the connection handlers.
    private final class Book: Sendable {
        let script: Mutex<[Response]>
        let requests = Mutex<[Request]>([])

        init(script: [Response]) { self.script = Mutex(script) }

        func answer(_ request: Request) -> Response {
            requests.withLock { $0.append(request) }
            return script.withLock { $0.isEmpty ? Response(status: .ok) : $0.removeFirst() }
        }
    }

    private let book: Book
    private let channel: any Channel

    var port: Int { channel.localAddress?.port ?? 0 }
    var requests: [Request] { book.requests.withLock { $0 } }

    /// `tls`: serve HTTPS with this server context (attach's TLS tests).
    init(script: [Response], tls: NIOSSLContext? = nil) async throws {
        let book = Book(script: script)
        self.book = book
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler { book.answer($0) })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async {
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let respond: @Sendable (Request) -> Response
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(respond: @escaping @Sendable (Request) -> Response) { self.respond = respond }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head else { return }
                let response = respond(Request(path: head.uri, contentType: head.headers.first(name: "Content-Type"), body: body,
                                                   clientPort: context.channel.remoteAddress?.port ?? 0, method: head.method.rawValue,
                                                   authorization: head.headers.first(name: "Authorization")))
                let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: response.delay) {
                    let context = loopContext.value
                    var headers = HTTPHeaders(response.headers)
                    headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                    context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))), promise: nil)
                    var buffer = context.channel.allocator.buffer(capacity: response.body.count)
                    buffer.writeBytes(response.body)
                    context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
                    context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
                }
            }
        }
    }
}
