import NIOCore
import NIOHTTP2

/// Carries out what `GRPCConnectionStateMachine` decides for one HTTP/2 connection. It sits after
/// `NIOHTTP2Handler`, which hands it the connection's own frames (the client's SETTINGS tell that
/// the preface is complete); its streams report to it (`stream(_:is:)`), and so do timers and
/// eviction requests from the connection registry.
final class GRPCConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame
    typealias OutboundOut = HTTP2Frame

    private var machine: GRPCConnectionStateMachine
    private let reportActivity: (ConnectionActivity) -> Void
    private var timer: Scheduled<Void>?
    private var context: ChannelHandlerContext?
    /// The highest stream the peer opened, for GOAWAY.
    private var lastStreamID = HTTP2StreamID(0)

    init(limits: ConnectionStateMachine.Limits, reportActivity: @escaping (ConnectionActivity) -> Void = { _ in }) {
        machine = GRPCConnectionStateMachine(limits: limits)
        self.reportActivity = reportActivity
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { perform(machine.opened(now: context.eventLoop.now)) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        perform(machine.opened(now: context.eventLoop.now))
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(machine.closed())
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        if case .settings(.settings) = frame.payload {
            perform(machine.prefaceReceived(now: context.eventLoop.now))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionEvictionRequest {
            perform(machine.evictionRequested(now: context.eventLoop.now))
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        perform(machine.protocolError(now: context.eventLoop.now))
    }

    /// A stream of this connection changed phase.
    func stream(_ id: HTTP2StreamID, is phase: GRPCStreamPhase) {
        guard let context else { return }
        if id > lastStreamID { lastStreamID = id }
        perform(machine.stream(Int(Int32(id)), is: phase, now: context.eventLoop.now))
    }

    private func perform(_ actions: [GRPCConnectionStateMachine.Action]) {
        guard let context else { return }
        for action in actions {
            switch action {
            case .setTimer(let deadline):
                timer?.cancel()
                timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
                    self.timer = nil
                    self.perform(self.machine.deadlinePassed(now: context.eventLoop.now))
                }
            case .cancelTimer:
                timer?.cancel()
                timer = nil
            case .goAway:
                let frame = HTTP2Frame(streamID: .rootStream, payload: .goAway(lastStreamID: lastStreamID, errorCode: .noError, opaqueData: nil))
                context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
            case .close:
                context.close(promise: nil)
            case .report(let activity):
                reportActivity(activity)
            }
        }
    }
}
