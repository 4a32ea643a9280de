import Foundation
import GovTopCore
import GovTopReceiver

/// Starts a real server on 127.0.0.1 with a free port, runs `body`, and always stops it.
func withServer<T>(_ configuration: ReceiverConfiguration = .forTests(), engine: Engine = Engine(),
                   _ body: (_ port: Int, _ engine: Engine) async throws -> T) async throws -> T {
    let server = GovTopServer(configuration: configuration, engine: engine)
    let port = try await server.start()
    do {
        let result = try await body(port, engine)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

extension ReceiverConfiguration {
    /// Loopback, a free port, and the given limits.
    static func forTests(maxBodyBytes: Int = 64 << 20, maxConnections: Int = 64,
                         idleTimeout: Duration = .seconds(30), headerTimeout: Duration = .seconds(30),
                         minBodyBytesPerSecond: Int = 32 << 10, maxInflightBytes: Int? = nil,
                         workerThreads: Int = 2) -> ReceiverConfiguration {
        ReceiverConfiguration(host: "127.0.0.1", port: 0, maxBodyBytes: maxBodyBytes,
                              maxConnections: maxConnections, idleTimeout: idleTimeout, headerTimeout: headerTimeout,
                              minBodyBytesPerSecond: minBodyBytesPerSecond, workerThreads: workerThreads,
                              maxInflightBytes: maxInflightBytes)
    }
}

/// Runs blocking socket work off the cooperative thread pool, so a test that waits on a socket
/// never starves the tasks that other tests (or this one) need.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.start()
    }
}
