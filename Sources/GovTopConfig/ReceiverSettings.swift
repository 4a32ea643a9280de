/// The `receiver:` section: connection and request-memory limits laid over the receiver's defaults. A nil value
/// keeps the receiver's default (see `ReceiverConfiguration`).
public struct ReceiverSettings: Sendable, Equatable {
    /// Port of the OTLP/gRPC receiver; 0 turns it off (default `GovTopConfiguration.defaultGRPCPort`).
    public var grpcPort: Int?
    /// Most connections open at once.
    public var maxConnections: Int?
    /// Time for a complete request head, from its first byte (or from the connection opening).
    public var headerTimeoutSeconds: Double?
    /// Time a kept-alive connection may wait between requests.
    public var idleTimeoutSeconds: Double?
    /// Slowest average rate a request body may arrive at, after a grace of the header timeout.
    public var minBodyBytesPerSecond: Int?
    /// Most request memory in flight at once (bodies, inflated copies, decoding); beyond it: 503.
    public var maxInflightBytes: Int?
    /// A trace request may cost this many times its decompressed size while decoded; beyond it: 413.
    public var maxDecodeRatio: Int?
    /// Most exports waiting for a worker before further ones are shed with 503.
    public var maxExportQueue: Int?

    public init(maxConnections: Int? = nil, headerTimeoutSeconds: Double? = nil, idleTimeoutSeconds: Double? = nil,
                minBodyBytesPerSecond: Int? = nil, maxInflightBytes: Int? = nil, maxDecodeRatio: Int? = nil,
                maxExportQueue: Int? = nil, grpcPort: Int? = nil) {
        self.grpcPort = grpcPort
        self.maxConnections = maxConnections
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.minBodyBytesPerSecond = minBodyBytesPerSecond
        self.maxInflightBytes = maxInflightBytes
        self.maxDecodeRatio = maxDecodeRatio
        self.maxExportQueue = maxExportQueue
    }
}
