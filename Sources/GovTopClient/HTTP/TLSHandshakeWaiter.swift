import NIOCore
import NIOSSL
import NIOTLS

/// Completes `promise` when the TLS handshake is done, or fails it with why it failed, so a
/// connection is only handed out once TLS is up (a failed handshake is then reported as a TLS
/// failure, not as a write on a closed channel). Sits right after the `NIOSSLClientHandler`.
///
/// The handshake is given `timeout` from the moment the TCP connection is up (NIOSSL sets no limit
/// of its own): a server that accepts the connection and never answers fails it then.
package final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    package typealias InboundIn = NIOAny

    private var promise: EventLoopPromise<Void>?
    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    package init(promise: EventLoopPromise<Void>, timeout: TimeAmount) {
        self.promise = promise
        self.timeout = timeout
    }

    package func channelActive(context: ChannelHandlerContext) {
        let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
        let seconds = ExportFailure.seconds(Double(timeout.nanoseconds) / 1e9)
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            handler.value.finish(.failure(ExportFailure.tls(reason: "the server did not complete the TLS handshake within \(seconds)")))
        }
        context.fireChannelActive()
    }

    package func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent { finish(.success(())) }
        context.fireUserInboundEventTriggered(event)
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(ExportFailure.tls(reason: TLSSettings.reason(error))))
        context.fireErrorCaught(error)
    }

    package func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ExportFailure.tls(reason: "the server closed the connection during the TLS handshake")))
        context.fireChannelInactive()
    }

    /// A channel that never became active (its connection failed) gets no `channelInactive`: the
    /// promise is completed here, so no waiter is left with a promise nobody completes.
    package func handlerRemoved(context: ChannelHandlerContext) {
        finish(.failure(ExportFailure.tls(reason: "the connection closed before the TLS handshake completed")))
    }

    private func finish(_ result: Result<Void, any Error>) {
        deadline?.cancel()
        deadline = nil
        promise?.completeWith(result)
        promise = nil
    }
}
