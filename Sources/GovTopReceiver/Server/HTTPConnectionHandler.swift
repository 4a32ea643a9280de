import GovTopCore
import NIOCore
import NIOHTTP1

/// Carries out what `ConnectionStateMachine` decides for one connection: it feeds the machine the
/// request parts, the arrival of bytes (from `RequestByteObserver`), timer firings, eviction
/// requests and worker results, and performs the actions it returns. All logic is in the machine.
final class HTTPConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private var machine: ConnectionStateMachine
    private let workers: any RequestWorkers
    private let reportActivity: (ConnectionActivity) -> Void
    private let recordShed: (ShedReason) -> Void
    private var timer: Scheduled<Void>?

    init(limits: ConnectionStateMachine.Limits, budget: InflightBudget, workers: any RequestWorkers,
         recordShed: @escaping (ShedReason) -> Void = { _ in },
         reportActivity: @escaping (ConnectionActivity) -> Void = { _ in }) {
        machine = ConnectionStateMachine(limits: limits, budget: budget)
        self.workers = workers
        self.reportActivity = reportActivity
        self.recordShed = recordShed
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { perform(machine.opened(now: context.eventLoop.now), context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        perform(machine.opened(now: context.eventLoop.now), context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(machine.closed(), context: context)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = context.eventLoop.now
        switch unwrapInboundIn(data) {
        case .head(let head): perform(machine.receivedHead(head, now: now), context: context)
        case .body(let chunk): perform(machine.receivedBody(chunk, now: now), context: context)
        case .end: perform(machine.receivedEnd(now: now), context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case is RequestBytesArrived:
            perform(machine.bytesArrived(now: context.eventLoop.now), context: context)
        case is ConnectionEvictionRequest:
            perform(machine.evictionRequested(), context: context)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func perform(_ actions: [ConnectionStateMachine.Action], context: ChannelHandlerContext) {
        // Bookkeeping (timers, registry reports, counts) first, I/O after: writing a response's end
        // makes NIO's pipelining helper hand over the next buffered request at once, re-entering
        // this handler, and the next request's own timers and reports must be the ones that stay.
        for action in actions.filter(\.isBookkeeping) + actions.filter({ !$0.isBookkeeping }) {
            switch action {
            case .setTimer(let deadline):
                timer?.cancel()
                timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
                    self.timer = nil
                    self.perform(self.machine.deadlinePassed(now: context.eventLoop.now), context: context)
                }
            case .cancelTimer:
                timer?.cancel()
                timer = nil
            case .writeContinue(let version):
                context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: .continue))), promise: nil)
            case .respond(let head, let body):
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                if !body.isEmpty {
                    context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
                }
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            case .closeOutput:
                context.close(mode: .output, promise: nil)
            case .close:
                context.close(promise: nil)
            case .process(let work):
                workers.run(work, eventLoop: context.eventLoop)
                    .assumeIsolated()
                    .whenComplete { result in
                        let now = context.eventLoop.now
                        switch result {
                        case .success(let response): self.perform(self.machine.responseReady(response, now: now), context: context)
                        case .failure: self.perform(self.machine.workFailed(now: now), context: context)
                        }
                    }
            case .report(let activity):
                reportActivity(activity)
            case .shed(let reason):
                recordShed(reason)
            }
        }
    }
}
