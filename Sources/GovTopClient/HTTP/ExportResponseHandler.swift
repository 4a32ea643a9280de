import NIOCore
import NIOHTTP1
import NIOSSL

/// One request on its way through the channel (an export, an API call of `govtop attach`, a
/// notification sink's post in GovTopNotify): the request and where its answer goes.
package struct PendingExport: Sendable {
    package var head: HTTPRequestHead
    package var body: ByteBuffer
    package var timeout: TimeAmount
    /// Most response body bytes kept; the rest is dropped and the response marked `truncated`.
    package var maxBodyBytes = ExportResponseHandler.maxBodyBytes
    package var promise: EventLoopPromise<RawResponse>

    package init(head: HTTPRequestHead, body: ByteBuffer, timeout: TimeAmount,
                 maxBodyBytes: Int = ExportResponseHandler.maxBodyBytes, promise: EventLoopPromise<RawResponse>) {
        self.head = head
        self.body = body
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
        self.promise = promise
    }
}

extension PendingExport {
    /// How a failure to write the request (nothing was sent) begins.
    package static let notSent = "the request could not be sent"

    /// Writes the request to `channel` and returns its answer. A connection the server closes
    /// before this write (a kept-alive one between two requests, or a new one the server dropped
    /// at once) never hands the request to the response handler: the failed write fails the
    /// answer too, or the request would wait for its timeout with nothing sent.
    package func send(on channel: any Channel) -> EventLoopFuture<RawResponse> {
        let answer = promise
        let written = channel.eventLoop.makePromise(of: Void.self)
        written.futureResult.whenFailure { error in
            answer.fail(ExportFailure.connectionLost(reason: "\(PendingExport.notSent): \(error)"))
        }
        channel.writeAndFlush(self, promise: written)
        return answer.futureResult
    }
}

/// A complete HTTP response as the handler collected it.
package struct RawResponse: Sendable {
    package var head: HTTPResponseHead
    /// At most the request's `maxBodyBytes`; the rest is dropped.
    package var body: [UInt8]
    /// Whether bytes were dropped.
    package var truncated = false
}

/// Sends one `PendingExport` at a time and completes its promise with the response, a timeout,
/// or the reason the connection broke. Lives on one channel's event loop.
package final class ExportResponseHandler: ChannelDuplexHandler {
    package typealias InboundIn = HTTPClientResponsePart
    package typealias OutboundIn = PendingExport
    package typealias OutboundOut = HTTPClientRequestPart

    /// Export response bodies are only read for messages; more than this is not kept.
    package static let maxBodyBytes = 64 * 1024

    private var promise: EventLoopPromise<RawResponse>?
    private var timeout: Scheduled<Void>?
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var maxBodyBytes = ExportResponseHandler.maxBodyBytes
    private var truncated = false

    package init() {}

    package func write(context: ChannelHandlerContext, data: NIOAny, promise writePromise: EventLoopPromise<Void>?) {
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

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
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

    package func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ExportFailure.connectionLost(reason: "the server closed the connection before answering")))
        context.fireChannelInactive()
    }

    package func errorCaught(context: ChannelHandlerContext, error: Error) {
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
