import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// An HTTP server on 127.0.0.1 for the tests of govtop's HTTP clients (the OTLP exporter, `govtop
/// attach`, the notification sinks): each request gets the next scripted behaviour (`fallback`
/// once the script runs out), and every request is recorded, those never answered included. With
/// a server context it speaks HTTPS.
public final class TestHTTPServer: Sendable {
    public struct Response: Sendable {
        public var status: HTTPResponseStatus
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Wait this long before answering.
        public var delay: TimeAmount

        public init(status: HTTPResponseStatus, headers: [(String, String)] = [], body: [UInt8] = [], delay: TimeAmount = .zero) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }
    }

    public enum Behaviour: Sendable {
        case respond(Response)
        /// Reads the request and never answers.
        case hang
        /// Reads the request and answers nothing until `release()` closes the connection.
        case hold

        /// A `text/plain` answer with the status `code`: "ok" for 200, "no" for anything else.
        public static func status(_ code: Int) -> Behaviour {
            .respond(Response(status: HTTPResponseStatus(statusCode: code), headers: [("Content-Type", "text/plain")],
                              body: Array((code == 200 ? "ok" : "no").utf8)))
        }
    }

    public struct Request: Sendable {
        public var path: String
        public var method: String
        public var contentType: String?
        public var authorization: String?
        public var body: [UInt8]
        /// The client's port: equal for requests on one connection.
        public var clientPort: Int

        public var text: String { String(decoding: body, as: UTF8.self) }
        /// The body as a JSON object (empty when it is not one).
        public var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    /// The script and the log, shared with the connection handlers.
    private final class Book: Sendable {
        let script: Mutex<[Behaviour]>
        let fallback: Behaviour
        let requests = Mutex<[Request]>([])
        let held = Mutex<[any Channel]>([])

        init(script: [Behaviour], fallback: Behaviour) {
            self.script = Mutex(script)
            self.fallback = fallback
        }

        /// The behaviour for a request on `channel`. A held connection is registered before the
        /// request is logged: a test that sees the request and then calls `release()` closes it.
        func answer(_ request: Request, on channel: any Channel) -> Behaviour {
            let behaviour = script.withLock { $0.isEmpty ? fallback : $0.removeFirst() }
            if case .hold = behaviour { held.withLock { $0.append(channel) } }
            requests.withLock { $0.append(request) }
            return behaviour
        }
    }

    private let book: Book
    private let channel: any Channel

    public var port: Int { channel.localAddress?.port ?? 0 }
    public var requests: [Request] { book.requests.withLock { $0 } }

    /// - Parameters:
    ///   - fallback: what every request after the script gets (by default 200 with no body).
    ///   - tls: serve HTTPS with this server context.
    public init(_ script: [Behaviour] = [], then fallback: Behaviour = .respond(Response(status: .ok)),
                tls: NIOSSLContext? = nil) async throws {
        let book = Book(script: script, fallback: fallback)
        self.book = book
        channel = try await Self.bind { channel in
            if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
            try channel.pipeline.syncOperations.configureHTTPServerPipeline()
            try channel.pipeline.syncOperations.addHandler(Handler(book: book))
        }
    }

    /// Answers each request with the next of `script`, then 200 with no body.
    public convenience init(script: [Response], tls: NIOSSLContext? = nil) async throws {
        try await self.init(script.map { .respond($0) }, tls: tls)
    }

    private init(book: Book, channel: any Channel) {
        self.book = book
        self.channel = channel
    }

    /// A server that accepts connections and never sends a byte: neither a TLS handshake nor an
    /// answer. It records no requests.
    public static func silent() async throws -> TestHTTPServer {
        TestHTTPServer(book: Book(script: [], fallback: .hang), channel: try await bind { _ in })
    }

    private static func bind(_ pipeline: @escaping @Sendable (any Channel) throws -> Void) async throws -> any Channel {
        try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in channel.eventLoop.makeCompletedFuture { try pipeline(channel) } }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    public func stop() async {
        try? await channel.close()
    }

    /// Closes the connections of the requests held so far (their senders see the connection lost).
    /// Returns how many it closed.
    @discardableResult
    public func release() -> Int {
        let held = book.held.withLock { $0 }
        for channel in held { channel.close(promise: nil) }
        return held.count
    }

    /// Polls until `condition` holds (a hang limit of 60 s, not a timing assertion); the last look
    /// happens after the limit, so a starved test still sees what arrived.
    public func wait(until condition: @Sendable ([Request]) -> Bool) async throws -> [Request] {
        let limit = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < limit {
            let seen = requests
            if condition(seen) { return seen }
            try await Task.sleep(for: .milliseconds(10))
        }
        return requests
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let book: Book
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(book: Book) { self.book = book }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head else { return }
                let request = Request(path: head.uri, method: head.method.rawValue, contentType: head.headers.first(name: "Content-Type"),
                                      authorization: head.headers.first(name: "Authorization"), body: body,
                                      clientPort: context.channel.remoteAddress?.port ?? 0)
                switch book.answer(request, on: context.channel) {
                case .hang, .hold: return
                case .respond(let response): respond(response, context: context)
                }
            }
        }

        private func respond(_ response: Response, context: ChannelHandlerContext) {
            let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: response.delay) {
                let context = loopContext.value
                var headers = HTTPHeaders(response.headers)
                headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                context.write(NIOAny(HTTPServerResponsePart.head(HTTPResponseHead(version: .http1_1, status: response.status, headers: headers))),
                              promise: nil)
                var buffer = context.channel.allocator.buffer(capacity: response.body.count)
                buffer.writeBytes(response.body)
                context.write(NIOAny(HTTPServerResponsePart.body(.byteBuffer(buffer))), promise: nil)
                context.writeAndFlush(NIOAny(HTTPServerResponsePart.end(nil)), promise: nil)
            }
        }
    }
}
