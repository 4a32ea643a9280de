import NIOCore
import NIOHTTP1
import NIOSSL

/// One request on its way through the channel (an export, or an API call of `govtop attach`):
/// the request and where its answer goes.
struct PendingExport: Sendable {
    var head: HTTPRequestHead
    var body: ByteBuffer
    var timeout: TimeAmount
    /// Most response body bytes kept; the rest is dropped and the response marked `truncated`.
    var maxBodyBytes = ExportResponseHandler.maxBodyBytes
    var promise: EventLoopPromise<RawResponse>
}

/// A complete HTTP response as the handler collected it.
struct RawResponse: Sendable {
    var head: HTTPResponseHead
    /// At most the request's `maxBodyBytes`; the rest is dropped.
    var body: [UInt8]
    /// Whether bytes were dropped.
    var truncated = false
}

/// Sends one `PendingExport` at a time and completes its promise with the response, a timeout,
/// or the reason the connection broke. Lives on one channel's event loop.
final class ExportResponseHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = PendingExport
    typealias OutboundOut = HTTPClientRequestPart

    /// Export response bodies are only read for messages; more than this is not kept.
    static let maxBodyBytes = 64 * 1024

    private var promise: EventLoopPromise<RawResponse>?
    private var timeout: Scheduled<Void>?
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var maxBodyBytes = ExportResponseHandler.maxBodyBytes
    private var truncated = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise writePromise: EventLoopPromise<Void>?) {
        let export = unwrapOutboundIn(data)
        guard promise == nil else {
            export.promise.fail(ExportFailure.connectionLost(reason: "another export is still waiting for its response"))
            writePromise?.succeed()
            return
        }
        promise = export.promise
        head = nil
        body = []
        maxBodyBytes = export.maxBodyBytes
        truncated = false
        let loopContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let seconds = Double(export.timeout.nanoseconds) / 1e9
        timeout = context.eventLoop.scheduleTask(in: export.timeout) {
            handler.value.finish(.failure(ExportFailure.timedOut(seconds: seconds)))
            loopContext.value.close(promise: nil)
        }
        context.write(wrapOutboundOut(.head(export.head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(export.body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: writePromise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let responseHead):
            head = responseHead
        case .body(var buffer):
            let room = maxBodyBytes - body.count
            if buffer.readableBytes > room { truncated = true }
            if room > 0, let bytes = buffer.readBytes(length: min(room, buffer.readableBytes)) { body += bytes }
        case .end:
            guard let head else {
                finish(.failure(ExportFailure.connectionLost(reason: "the response ended before its head")))
                return
            }
            // 1xx responses are interim: the real one follows.
            if head.status.code < 200 {
                self.head = nil
                body = []
                return
            }
            finish(.success(RawResponse(head: head, body: body, truncated: truncated)))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ExportFailure.connectionLost(reason: "the server closed the connection before answering")))
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            finish(.failure(ExportFailure.tls(reason: TLSSettings.reason(error))))
        } else {
            finish(.failure(ExportFailure.connectionLost(reason: "\(error)")))
        }
        context.close(promise: nil)
    }

    private func finish(_ result: Result<RawResponse, Error>) {
        timeout?.cancel()
        timeout = nil
        guard let promise else { return }
        self.promise = nil
        promise.completeWith(result)
    }
}
