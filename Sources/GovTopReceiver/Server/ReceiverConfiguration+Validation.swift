/// A configuration value the receiver cannot run with.
public struct ReceiverConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var problem: String

    public var description: String { "receiver setting '\(key)': \(problem)" }
}

extension ReceiverConfiguration {
    /// Checks every value once, before the server binds.
    public func validate() throws(ReceiverConfigurationError) {
        guard !host.isEmpty else { throw ReceiverConfigurationError(key: "host", problem: "must not be empty") }
        try validateExposure()
        guard (0...65_535).contains(port) else {
            throw ReceiverConfigurationError(key: "port", problem: "\(port) is not a TCP port (0–65535; 0 picks a free one)")
        }
        if let grpcPort {
            guard (0...65_535).contains(grpcPort) else {
                throw ReceiverConfigurationError(key: "grpcPort", problem: "\(grpcPort) is not a TCP port (0–65535; 0 picks a free one)")
            }
            guard grpcPort == 0 || grpcPort != port else {
                throw ReceiverConfigurationError(key: "grpcPort", problem: "\(grpcPort) is the HTTP port too; give the gRPC door a port of its own")
            }
        }
        guard maxBodyBytes > 0 else { throw ReceiverConfigurationError(key: "maxBodyBytes", problem: "must be positive, got \(maxBodyBytes)") }
        guard maxConnections > 0 else {
            throw ReceiverConfigurationError(key: "maxConnections", problem: "must be positive, got \(maxConnections)")
        }
        guard idleTimeout > .zero else { throw ReceiverConfigurationError(key: "idleTimeout", problem: "must be positive") }
        guard headerTimeout > .zero else { throw ReceiverConfigurationError(key: "headerTimeout", problem: "must be positive") }
        guard minBodyBytesPerSecond > 0 else {
            throw ReceiverConfigurationError(key: "minBodyBytesPerSecond", problem: "must be positive, got \(minBodyBytesPerSecond)")
        }
        guard decodeLimits.maxValueDepth > 0 else {
            throw ReceiverConfigurationError(key: "decodeLimits.maxValueDepth", problem: "must be positive, got \(decodeLimits.maxValueDepth)")
        }
        guard decodeLimits.maxDecodedBytes > 0 else {
            throw ReceiverConfigurationError(key: "decodeLimits.maxDecodedBytes", problem: "must be positive, got \(decodeLimits.maxDecodedBytes)")
        }
        guard decodeLimits.maxDecodeRatio > 0 else {
            throw ReceiverConfigurationError(key: "decodeLimits.maxDecodeRatio", problem: "must be positive, got \(decodeLimits.maxDecodeRatio)")
        }
        guard eventLoopThreads > 0 else { throw ReceiverConfigurationError(key: "eventLoopThreads", problem: "must be positive") }
        guard workerThreads > 0 else { throw ReceiverConfigurationError(key: "workerThreads", problem: "must be positive") }
        guard maxQueuedExports > 0 else { throw ReceiverConfigurationError(key: "maxQueuedExports", problem: "must be positive") }
        guard maxInflightBytes >= maxBodyBytes else {
            throw ReceiverConfigurationError(
                key: "maxInflightBytes",
                problem: "must be at least maxBodyBytes (\(maxBodyBytes)), got \(maxInflightBytes): a request of the largest size could never be served")
        }
    }
}
