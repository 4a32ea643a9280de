import FuzzSupport
import NIOCore
import NIOHTTP1
@testable import GovTopReceiver

/// Stands where govtop's connection handler stands in the pipeline: routes every request head as
/// the server does, checks the route, and answers each request at once with an empty response (so
/// NIO's pipelining helper hands over the next one).
final class RouteRecorder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let maxBodyBytes = 4096

    var log = RequestLog()
    private var keepAlive = true
    private var version = HTTPVersion.http1_1
    /// Set once this side closed the connection: what arrives after that is never acted on, and
    /// how much of it arrives depends on the reads.
    private var closed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !closed else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            let requestHead = RequestHead(head)
            let route = RequestRouter.route(requestHead, maxBodyBytes: Self.maxBodyBytes)
            check(route, for: requestHead)
            log.append(.head(requestHead, route: String(describing: route)))
            keepAlive = head.isKeepAlive
            version = head.version
        case .body(let chunk):
            log.append(.body(bytes: chunk.readableBytes))
        case .end:
            log.append(.end)
            let head = HTTPResponseHead(version: version, status: .noContent,
                                        headers: keepAlive ? [:] : ["connection": "close"])
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            if !keepAlive { close(context) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        guard !closed else { return }
        log.append(.error(String(describing: error)))
        close(context)
    }

    private func close(_ context: ChannelHandlerContext) {
        closed = true
        context.close(promise: nil)
    }

    /// A refusal quotes parts of the request back: it must stay short and free of control characters
    /// a terminal acts on (C0 but tab, DEL, C1: `ESC`, `CSI` U+009B, `OSC` U+009D...). NIO's parser
    /// already refuses C0 but tab in a head; C1 arrives UTF-8 encoded in header values.
    private func check(_ route: Route, for head: RequestHead) {
        guard case .failure(let failure, _) = route else { return }
        FuzzCheck.require((400..<500).contains(failure.status), "request head \(head) refused with \(failure.status)")
        FuzzCheck.require(failure.message.utf8.count <= 1024,
                          "refusal of \(failure.message.utf8.count) bytes for request head \(head)")
        FuzzCheck.require(!failure.message.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) },
                          "refusal quotes a control character: \(failure.message.debugDescription)")
    }
}
