import GovTopCore

/// Where the receiver listens and the limits it enforces on every request.
public struct ReceiverConfiguration: Sendable, Hashable {
    /// Address to bind; loopback unless the user asks for more.
    public var host: String
    /// TCP port; 0 picks a free port (tests).
    public var port: Int
    /// Largest request body accepted, counted after decompression (and, for compressed bodies,
    /// also before it).
    public var maxBodyBytes: Int
    /// Most connections served at once; further connections are closed at accept.
    public var maxConnections: Int
    /// A connection that sends nothing for this long is closed (also one that stops halfway
    /// through a request). A request being processed is never cut off by it.
    public var idleTimeout: Duration
    /// Bounds for the OTLP decoders.
    public var decodeLimits: DecodeLimits
    /// Threads that accept connections and parse HTTP.
    public var eventLoopThreads: Int
    /// Threads that decompress, decode and ingest request bodies, so a large body never holds
    /// up the event loops that serve other connections.
    public var workerThreads: Int
    /// Most bytes all requests together may hold at once while they are received and decoded
    /// (bodies being buffered and what decoding them allocates); beyond it requests get `503`.
    /// Defaults to 256 MiB or four largest bodies, whichever is more.
    public var maxInflightBytes: Int
    /// Most exports waiting for a worker thread at once; beyond it an export is answered `503`
    /// with `Retry-After` (load shedding) rather than queued behind work that cannot finish in time.
    public var maxQueuedExports: Int

    public init(host: String = "127.0.0.1", port: Int = 4318, maxBodyBytes: Int = 64 << 20,
                maxConnections: Int = 256, idleTimeout: Duration = .seconds(60),
                decodeLimits: DecodeLimits = DecodeLimits(), eventLoopThreads: Int = 2, workerThreads: Int = 2,
                maxInflightBytes: Int? = nil, maxQueuedExports: Int = 64) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.decodeLimits = decodeLimits
        self.eventLoopThreads = eventLoopThreads
        self.workerThreads = workerThreads
        self.maxInflightBytes = maxInflightBytes ?? max(256 << 20, 4 * maxBodyBytes)
        self.maxQueuedExports = maxQueuedExports
    }
}
