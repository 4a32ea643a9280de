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
    /// Where accepted exports are recorded (`--record`); nil when they are not.
    let recorder: ExportRecorder?

    init(engine: Engine, configuration: ReceiverConfiguration, exportWorkers: NIOThreadPool, apiWorkers: NIOThreadPool,
         inflight: InflightBudget, recorder: ExportRecorder? = nil) {
        self.engine = engine
        self.recorder = recorder
        self.configuration = configuration
        self.exportWorkers = exportWorkers
        self.apiWorkers = apiWorkers
        self.inflight = inflight
        exportQueue = ExportQueue(limit: configuration.maxQueuedExports)
    }

    /// Enters one complete export body into the export queue and returns its processor: called
    /// once per export, when it is handed to the workers. When the queue is full the export is
    /// counted as shed and its processor answers `503` + `Retry-After` (`shedResponse(format:)`
    /// gives that answer at once, without waiting for a worker).
    func enterExport() -> ExportProcessor {
        let ticket = exportQueue.enter()
        if !ticket.admitted { engine.recordShedRequest(.queueFull) }
        return ExportProcessor(engine: engine, maxBodyBytes: configuration.maxBodyBytes,
                               decodeLimits: configuration.decodeLimits, inflight: inflight, ticket: ticket, recorder: recorder)
    }
}
