import GovTopCore

/// Where the receiver listens and the limits it enforces on every request.
public struct ReceiverConfiguration: Sendable, Hashable {
    /// Address to bind; loopback unless the user asks for more.
    public var host: String
    /// TCP port; 0 picks a free port (tests).
    public var port: Int
    /// Largest request body accepted, counted after decompression.
    public var maxBodyBytes: Int
    /// Most connections served at once; further connections are closed at accept.
    public var maxConnections: Int
    /// Bounds for the OTLP decoders.
    public var decodeLimits: DecodeLimits

    public init(host: String = "127.0.0.1", port: Int = 4318, maxBodyBytes: Int = 64 << 20,
                maxConnections: Int = 256, decodeLimits: DecodeLimits = DecodeLimits()) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.decodeLimits = decodeLimits
    }
}
