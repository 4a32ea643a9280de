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

    var processor: ExportProcessor {
        ExportProcessor(engine: engine, maxBodyBytes: configuration.maxBodyBytes, decodeLimits: configuration.decodeLimits)
    }
}
