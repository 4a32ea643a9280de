import NIOCore
import NIOHTTP1
import NIOPosix

/// Serves the requests of one connection, one at a time (NIO's pipelining helper queues the next).
///
/// The head decides the route; an export body is collected up to `maxBodyBytes` and then
/// processed on a worker thread, so the event loop keeps serving other connections. A request
/// refused before its body was read is answered at once; when the body cannot be skipped
/// safely (too large) the response says `Connection: close`, the output side is shut down and
/// the rest of the input is discarded until the peer closes or the idle timeout fires, so the
/// peer still reads the response rather than a reset.
final class HTTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Facts about the request being served that shape its response.
    private struct Exchange {
        var version: HTTPVersion
        var keepAlive: Bool
    }

    private enum State {
        case idle
        case receivingExport(ExportRequest, ByteBuffer, Exchange)
        case receivingAPI(APIRequest, Exchange)
        /// Answered already; the rest of the request body is skipped.
        case skippingBody(Exchange)
        /// A worker is producing the response.
        case processing
        /// Output shut down; everything read is discarded.
        case closing
    }

    private let services: ServerServices
    private var state = State.idle

    init(services: ServerServices) {
        self.services = services
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): received(head: head, context: context)
        case .body(var chunk): received(body: &chunk, context: context)
        case .end: receivedEnd(context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            if case .processing = state { return }
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func received(head: HTTPRequestHead, context: ChannelHandlerContext) {
        guard case .idle = state else { return }
        let exchange = Exchange(version: head.version, keepAlive: head.isKeepAlive)
        let expectsContinue = head.headers[canonicalForm: "expect"].contains { $0.lowercased() == "100-continue" }
        let requestHead = RequestHead(head)

        switch RequestRouter.route(requestHead, maxBodyBytes: services.configuration.maxBodyBytes) {
        case .export(let request):
            if expectsContinue {
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .continue))),
                                      promise: nil)
            }
            let initialCapacity = min(requestHead.contentLength ?? 0, 1 << 20)
            state = .receivingExport(request, context.channel.allocator.buffer(capacity: initialCapacity), exchange)
        case .api(let request):
            state = .receivingAPI(request, exchange)
        case .failure(var failure, let style):
            // A client that asked for 100-continue may never send the body it announced.
            if expectsContinue { failure.closesConnection = true }
            state = .skippingBody(exchange)
            send(Self.render(failure, style: style), exchange: exchange, context: context)
        }
    }

    private func received(body chunk: inout ByteBuffer, context: ChannelHandlerContext) {
        guard case .receivingExport(let request, var body, let exchange) = state else { return }
        let limit = services.configuration.maxBodyBytes
        guard body.readableBytes + chunk.readableBytes <= limit else {
            state = .skippingBody(exchange)
            let failure = RequestFailure.tooLarge(limit: limit, what: "request body")
            send(OTLPResponseEncoder.failure(failure, format: request.format), exchange: exchange, context: context)
            return
        }
        state = .processing  // drop the buffer's other reference so the write below does not copy
        body.writeBuffer(&chunk)
        state = .receivingExport(request, body, exchange)
    }

    private func receivedEnd(context: ChannelHandlerContext) {
        switch state {
        case .receivingExport(let request, let body, let exchange):
            state = .processing
            let processor = services.processor
            respond(on: services.exportWorkers, exchange: exchange, failureStyle: .otlp(request.format), context: context) {
                body.withUnsafeReadableBytes { processor.process(request, body: $0) }
            }
        case .receivingAPI(let request, let exchange):
            state = .processing
            let engine = services.engine
            respond(on: services.apiWorkers, exchange: exchange, failureStyle: .api, context: context) {
                APIResponder.respond(to: request, engine: engine)
            }
        case .skippingBody:
            state = .idle
        case .idle, .processing, .closing:
            break
        }
    }

    /// Runs `work` on a worker thread and writes its response back on this channel's event loop.
    private func respond(on workers: NIOThreadPool, exchange: Exchange, failureStyle: FailureStyle,
                         context: ChannelHandlerContext, _ work: @escaping @Sendable () -> HTTPResponse) {
        workers.runIfActive(eventLoop: context.eventLoop, work)
            .assumeIsolated()
            .whenComplete { result in
                let response: HTTPResponse
                switch result {
                case .success(let value): response = value
                case .failure:
                    response = Self.render(RequestFailure(status: 503, message: "the server is shutting down"), style: failureStyle)
                }
                if case .processing = self.state { self.state = .idle }
                self.send(response, exchange: exchange, context: context)
            }
    }

    private func send(_ response: HTTPResponse, exchange: Exchange, context: ChannelHandlerContext) {
        let closes = response.closesConnection || !exchange.keepAlive
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        for (name, value) in response.extraHeaders { headers.add(name: name, value: value) }
        if closes {
            headers.add(name: "Connection", value: "close")
        } else if exchange.version == .http1_0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        let head = HTTPResponseHead(version: exchange.version, status: HTTPResponseStatus(statusCode: response.status),
                                    headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))),
                      promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        if closes {
            state = .closing
            context.close(mode: .output, promise: nil)
        }
    }

    private static func render(_ failure: RequestFailure, style: FailureStyle) -> HTTPResponse {
        switch style {
        case .otlp(let format): OTLPResponseEncoder.failure(failure, format: format)
        case .api: APIResponder.failure(failure)
        }
    }
}
