import NIOCore
import NIOSSL
import NIOTLS

/// Completes `promise` when the TLS handshake is done, or fails it with why it failed, so a
/// connection is only handed out once TLS is up (a failed handshake is then reported as a TLS
/// failure, not as a write on a closed channel). Sits right after the `NIOSSLClientHandler`.
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private var promise: EventLoopPromise<Void>?

    init(promise: EventLoopPromise<Void>) {
        self.promise = promise
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent {
            promise?.succeed()
            promise = nil
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise?.fail(ExportFailure.tls(reason: TLSSettings.reason(error)))
        promise = nil
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise?.fail(ExportFailure.tls(reason: "the server closed the connection during the TLS handshake"))
        promise = nil
        context.fireChannelInactive()
    }
}
