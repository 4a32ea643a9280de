import GovTopCore

/// Where the receiver listens and the limits it enforces on every request.
public struct ReceiverConfiguration: Sendable, Hashable {
    /// Address to bind; loopback unless the user asks for more.
    public var host: String
    /// TCP port; 0 picks a free port (tests).
    public var port: Int
    /// TCP port of the OTLP/gRPC door, on the same host; nil turns it off, 0 picks a free port.
    public var grpcPort: Int?
    /// Largest request body accepted, counted after decompression (and, for compressed bodies,
    /// also before it).
    public var maxBodyBytes: Int
    /// Most connections open at once. A connection beyond it makes room by closing the
    /// longest-idle connection that is not processing a request (see `ConnectionRegistry`); it
    /// is refused only when every connection is processing one.
    public var maxConnections: Int
    /// A kept-alive connection that starts no new request for this long is closed.
    public var idleTimeout: Duration
    /// A request head must be complete this long after its first byte arrived (after the
    /// connection opened, for its first request). Bytes that trickle in do not extend it.
    public var headerTimeout: Duration
    /// Slowest average rate a request body may arrive at, in bytes per second, after a grace of
    /// `headerTimeout`: the body must be complete by `headerTimeout + received / rate` after the
    /// head, so a body sent slower than this is cut off.
    public var minBodyBytesPerSecond: Int
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
    /// Which requests must carry the bearer token (auth: issue 16); `.open` serves everyone.
    public var access: AccessControl = .open
    /// Certificate and key: both doors speak TLS only. Nil: plain TCP.
    public var tls: TLSFiles?
    /// Listen beyond loopback without a token (`--insecure-no-auth`); otherwise `validate()` refuses.
    public var allowsOpenExposure = false
    /// decide (issue 15): the decision endpoint's headers and refusal status.
    public var decision = DecisionSettings()

    public init(host: String = "127.0.0.1", port: Int = 4318, maxBodyBytes: Int = 64 << 20,
                maxConnections: Int = 256, idleTimeout: Duration = .seconds(60),
                headerTimeout: Duration = .seconds(10), minBodyBytesPerSecond: Int = 32 << 10,
                decodeLimits: DecodeLimits = DecodeLimits(), eventLoopThreads: Int = 2, workerThreads: Int = 2,
                maxInflightBytes: Int? = nil, maxQueuedExports: Int = 64, grpcPort: Int? = nil) {
        self.host = host
        self.port = port
        self.grpcPort = grpcPort
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.minBodyBytesPerSecond = minBodyBytesPerSecond
        self.decodeLimits = decodeLimits
        self.eventLoopThreads = eventLoopThreads
        self.workerThreads = workerThreads
        self.maxInflightBytes = maxInflightBytes ?? max(256 << 20, 4 * maxBodyBytes)
        self.maxQueuedExports = maxQueuedExports
    }
}
