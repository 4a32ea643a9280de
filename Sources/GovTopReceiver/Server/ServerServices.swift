import GovTopCore
import NIOPosix

/// What every connection handler needs, shared by all connections of one server.
struct ServerServices: Sendable {
    let engine: Engine
    let configuration: ReceiverConfiguration
    /// Runs body processing and engine calls off the event loops.
    let workers: NIOThreadPool

    var processor: ExportProcessor {
        ExportProcessor(engine: engine, maxBodyBytes: configuration.maxBodyBytes, decodeLimits: configuration.decodeLimits)
    }
}
