import GovTopCore
import NIOCore
import NIOHTTP2

/// Sets up an OTLP/gRPC connection: HTTP/2 (with prior knowledge, as OTLP exporters speak it
/// without TLS; with `--tls-cert`, `GovTopServer` puts a TLS handler that offers ALPN `h2` in front), its connection handler, and a `GRPCStreamHandler` on every stream the client opens.
enum GRPCPipeline {
    /// Most calls one connection may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS); a
    /// stream beyond it is refused by HTTP/2 itself (RST_STREAM REFUSED_STREAM), and the client
    /// retries it.
    static let maxConcurrentStreams = 100
    /// The flow-control window each stream and the connection offer: large enough that a batch of
    /// a few hundred KiB arrives without waiting for WINDOW_UPDATEs. What arrives is reserved in the
    /// in-flight budget at once, so the window does not widen what the receiver may hold.
    static let windowSize = 1 << 20
    /// Largest header block accepted (SETTINGS_MAX_HEADER_LIST_SIZE).
    static let maxHeaderListSize = 16 << 10

    static func configure(_ channel: Channel, limits: ConnectionStateMachine.Limits, budget: InflightBudget,
                          workers: any RequestWorkers, recordShed: @escaping @Sendable (ShedReason) -> Void,
                          reportActivity: @escaping @Sendable (ConnectionActivity) -> Void) throws {
        var connection = NIOHTTP2Handler.ConnectionConfiguration()
        connection.initialSettings = [
            HTTP2Setting(parameter: .maxConcurrentStreams, value: maxConcurrentStreams),
            HTTP2Setting(parameter: .initialWindowSize, value: windowSize),
            HTTP2Setting(parameter: .maxHeaderListSize, value: maxHeaderListSize),
        ]
        connection.targetWindowSize = 4 * windowSize
        var stream = NIOHTTP2Handler.StreamConfiguration()
        stream.targetWindowSize = windowSize

        let pipeline = channel.pipeline.syncOperations
        let connectionHandler = GRPCConnectionHandler(limits: limits, reportActivity: reportActivity)
        _ = try pipeline.configureHTTP2Pipeline(mode: .server, connectionConfiguration: connection,
                                                streamConfiguration: stream) { streamChannel in
            streamChannel.eventLoop.makeCompletedFuture {
                let connection = try? streamChannel.parent?.pipeline.syncOperations.handler(type: GRPCConnectionHandler.self)
                try streamChannel.pipeline.syncOperations.addHandler(GRPCStreamHandler(
                    limits: limits, budget: budget, workers: workers, connection: connection, recordShed: recordShed))
            }
        }
        try pipeline.addHandler(connectionHandler)
    }
}
