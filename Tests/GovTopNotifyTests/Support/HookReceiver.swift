import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A webhook receiver on 127.0.0.1: each request gets the next scripted behaviour (answer 200 once
/// the script runs out), and every request is recorded, hung ones included.
final class HookReceiver: Sendable {
    enum Behaviour: Sendable {
        case status(Int)
        /// Reads the request and never answers.
        case hang
        /// Reads the request and answers nothing until `release()` closes the connection.
        case hold
    }

    struct Request: Sendable {
        var path: String
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    private final class Book: Sendable {
        let script: Mutex<[Behaviour]>
        let fallback: Behaviour
        let requests = Mutex<[Request]>([])
        let held = Mutex<[any Channel]>([])
        init(script: [Behaviour], fallback: Behaviour) {
            self.script = Mutex(script)
            self.fallback = fallback
        }
        func answer(_ request: Request) -> Behaviour {
            requests.withLock { $0.append(request) }
            return script.withLock { $0.isEmpty ? fallback : $0.removeFirst() }
        }
    }

    private let book: Book
    private let channel: any Channel

    var port: Int { channel.localAddress?.port ?? 0 }
    var url: String { "http://127.0.0.1:\(port)/hook" }
    var requests: [Request] { book.requests.withLock { $0 } }

    /// - Parameter then: what every request after the script gets.
    init(_ script: [Behaviour] = [], then fallback: Behaviour = .status(200)) async throws {
        let book = Book(script: script, fallback: fallback)
        self.book = book
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(respond: { book.answer($0) },
                                                                           hold: { held in book.held.withLock { $0.append(held) } }))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
    }

    func stop() async {
        try? await channel.close()
    }

    /// Closes the connections of the requests held so far (their senders see the connection lost).
    func release() {
        for held in book.held.withLock({ $0 }) { held.close(promise: nil) }
    }

    /// Polls until `condition` holds (a hang limit of 60 s, not a timing assertion); the last look
    /// happens after the limit, so a starved test still sees what arrived.
    func wait(until condition: @Sendable ([Request]) -> Bool) async throws -> [Request] {
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

        private let respond: @Sendable (Request) -> Behaviour
        private let hold: @Sendable (any Channel) -> Void
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(respond: @escaping @Sendable (Request) -> Behaviour, hold: @escaping @Sendable (any Channel) -> Void) {
            self.respond = respond
            self.hold = hold
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let requestHead):
                head = requestHead
                body = []
            case .body(var buffer):
                body += buffer.readBytes(length: buffer.readableBytes) ?? []
            case .end:
                guard let head else { return }
                switch respond(Request(path: head.uri, body: body)) {
                case .hang:
                    return
                case .hold:
                    hold(context.channel)
                case .status(let code):
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Length", value: "2")
                    headers.add(name: "Content-Type", value: "text/plain")
                    context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: code),
                                                                         headers: headers))), promise: nil)
                    var buffer = context.channel.allocator.buffer(capacity: 2)
                    buffer.writeString(code == 200 ? "ok" : "no")
                    context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
                    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
                }
            }
        }
    }
}
