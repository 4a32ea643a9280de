import NIOCore
import NIOPosix

/// A request whose response is produced off the event loop.
enum RequestWork: Sendable {
    /// Decompress, decode and ingest an export body.
    case export(ExportRequest, ByteBuffer)
    /// Answer a JSON API read (or an alert acknowledgement).
    case api(APIRequest)
}

/// Runs request work off the event loops and hands the response back on one.
protocol RequestWorkers: Sendable {
    /// The response to `work`, completed on `eventLoop`; failed when the workers have stopped.
    func run(_ work: RequestWork, eventLoop: any EventLoop) -> EventLoopFuture<HTTPResponse>

    /// What became of an export body, completed on `eventLoop`; failed when the workers have
    /// stopped. The OTLP/gRPC door's way in; the HTTP door's exports take it too, through `run`.
    func export(_ request: ExportRequest, body: ByteBuffer, eventLoop: any EventLoop) -> EventLoopFuture<ExportResult>
}

/// The server's thread pools: exports on `exportWorkers`, API reads on `apiWorkers`, so a read
/// never queues behind a large export.
struct ThreadPoolRequestWorkers: RequestWorkers {
    let services: ServerServices

    func run(_ work: RequestWork, eventLoop: any EventLoop) -> EventLoopFuture<HTTPResponse> {
        switch work {
        case .export(let request, let body):
            return export(request, body: body, eventLoop: eventLoop).map { OTLPResponseEncoder.response($0, format: request.format) }
        case .api(.decision(let request)): // decide (issue 15): a lock-free table read, answered on the event loop
            return eventLoop.makeSucceededFuture(DecisionRenderer.response(request, engine: services.engine))
        case .api(let request):
            let engine = services.engine
            let recorder = services.recorder
            return services.apiWorkers.runIfActive(eventLoop: eventLoop) {
                APIResponder.respond(to: request, engine: engine, recorder: recorder)
            }
        }
    }

    func export(_ request: ExportRequest, body: ByteBuffer, eventLoop: any EventLoop) -> EventLoopFuture<ExportResult> {
        let processor = services.enterExport()
        // Shed because the queue is full: answered at once, not behind the busy workers.
        if let shed = processor.shedFailure {
            processor.ticket.start()
            return eventLoop.makeSucceededFuture(.failure(shed))
        }
        return services.exportWorkers.runIfActive(eventLoop: eventLoop) {
            ExportThreadPriority.lowerCurrentThread()
            return body.withUnsafeReadableBytes { processor.outcome(request, body: $0) }
        }
    }
}
