import GovTopCore
import NIOCore
import NIOHPACK
import NIOHTTP2

/// Carries out what `GRPCStreamStateMachine` decides for one OTLP/gRPC call, on the HTTP/2
/// stream's own channel: it feeds the machine the stream's frames, timer firings and the export's
/// result, writes the response frames and reports the stream's phase to its connection.
final class GRPCStreamHandler: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame.FramePayload
    typealias OutboundOut = HTTP2Frame.FramePayload

    private var machine: GRPCStreamStateMachine
    private let workers: any RequestWorkers
    private let connection: GRPCConnectionHandler?
    private let recordShed: (ShedReason) -> Void
    private var streamID: HTTP2StreamID?
    private var timer: Scheduled<Void>?
    private var headReceived = false

    init(limits: ConnectionStateMachine.Limits, budget: InflightBudget, workers: any RequestWorkers,
         connection: GRPCConnectionHandler?, recordShed: @escaping (ShedReason) -> Void = { _ in }) {
        machine = GRPCStreamStateMachine(limits: limits, budget: budget)
        self.workers = workers
        self.connection = connection
        self.recordShed = recordShed
    }

    func handlerAdded(context: ChannelHandlerContext) {
        streamID = try? context.channel.syncOptions?.getOption(HTTP2StreamChannelOptions.streamID)
    }

    func channelInactive(context: ChannelHandlerContext) {
        perform(machine.closed(), context: context)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = context.eventLoop.now
        switch unwrapInboundIn(data) {
        case .headers(let headers) where !headReceived:
            headReceived = true
            let fields = headers.headers
            let head = GRPCRequestHead(method: fields.first(name: ":method") ?? "", path: fields.first(name: ":path") ?? "",
                                       contentType: fields.first(name: "content-type"), encoding: fields.first(name: "grpc-encoding"),
                                       authorization: fields.first(name: "authorization"))
            perform(machine.receivedHead(head, endStream: headers.endStream, now: now), context: context)
        case .headers(let trailers):
            if trailers.endStream { perform(machine.receivedEnd(now: now), context: context) }
        case .data(let data):
            guard case .byteBuffer(let chunk) = data.data else { return }
            perform(machine.receivedData(chunk, endStream: data.endStream, now: now), context: context)
        default:
            break
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    private func perform(_ actions: [GRPCStreamStateMachine.Action], context: ChannelHandlerContext) {
        for action in actions {
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
            case .respond(let response):
                write(response, context: context)
            case .reset:
                context.close(promise: nil)
            case .process(let request, let message):
                workers.export(request, body: message, eventLoop: context.eventLoop)
                    .assumeIsolated()
                    .whenComplete { result in
                        switch result {
                        case .success(let result): self.perform(self.machine.resultReady(result), context: context)
                        case .failure: self.perform(self.machine.workFailed(), context: context)
                        }
                    }
            case .report(let phase):
                if let streamID { connection?.stream(streamID, is: phase) }
            case .shed(let reason):
                recordShed(reason)
            }
        }
    }

    /// Headers, the length-prefixed message and trailers; a response without a message is one
    /// HEADERS frame (trailers-only).
    private func write(_ response: GRPCResponse, context: ChannelHandlerContext) {
        guard let message = response.message else {
            let headers = HPACKHeaders(response.headers + response.trailers)
            context.writeAndFlush(wrapOutboundOut(.headers(.init(headers: headers, endStream: true))), promise: nil)
            return
        }
        context.write(wrapOutboundOut(.headers(.init(headers: HPACKHeaders(response.headers)))), promise: nil)
        var framed = context.channel.allocator.buffer(capacity: GRPCMessageReader.prefixLength + message.count)
        framed.writeInteger(UInt8(0))
        framed.writeInteger(UInt32(message.count))
        framed.writeBytes(message)
        context.write(wrapOutboundOut(.data(.init(data: .byteBuffer(framed)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.headers(.init(headers: HPACKHeaders(response.trailers), endStream: true))), promise: nil)
    }
}
