import GovTopCore
import NIOPosix

/// What every connection handler needs, shared by all connections of one server.
struct ServerServices: Sendable {
    let engine: Engine
    let configuration: ReceiverConfiguration
    /// Decompress, decode and ingest export bodies, off the event loops.
    let exportWorkers: NIOThreadPool
    /// Answer API reads, so they never queue behind a large export.
    let apiWorkers: NIOThreadPool
    /// Request memory held by all connections at once (bodies and decoding).
    let inflight: InflightBudget
    /// Exports waiting for an export worker.
    let exportQueue: ExportQueue

    init(engine: Engine, configuration: ReceiverConfiguration, exportWorkers: NIOThreadPool, apiWorkers: NIOThreadPool,
         inflight: InflightBudget) {
        self.engine = engine
        self.configuration = configuration
        self.exportWorkers = exportWorkers
        self.apiWorkers = apiWorkers
        self.inflight = inflight
        exportQueue = ExportQueue(limit: configuration.maxQueuedExports)
    }

    /// The processor for one complete export body, which enters the export queue here: ask for it
    /// when the export is handed to the workers, once per export. When the queue is full the export
    /// is counted as shed and its processor answers `503` + `Retry-After` (`shedResponse(format:)`
    /// gives that answer at once, without waiting for a worker).
    var processor: ExportProcessor {
        let ticket = exportQueue.enter()
        if !ticket.admitted { engine.recordShedRequest(.queueFull) }
        return ExportProcessor(engine: engine, maxBodyBytes: configuration.maxBodyBytes,
                               decodeLimits: configuration.decodeLimits, inflight: inflight, ticket: ticket)
    }
}
