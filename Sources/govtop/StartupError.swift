import Foundation
import GovTopReceiver

/// Turns a failure to start listening into a message that says what to do.
struct StartupError: Error, CustomStringConvertible {
    let description: String

    static func describing<T>(_ configuration: ReceiverConfiguration, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            let text = String(describing: error)
            if case .openFileLimit? = error as? GovTopServerError {
                throw StartupError(description: "cannot start: \(text).")
            }
            var port = configuration.port
            if case .bindFailed(_, let failed, _)? = error as? GovTopServerError { port = failed }
            let address = "\(configuration.displayHost):\(port)"
            let flag = port == configuration.grpcPort && port != configuration.port ? "--grpc-port (0 turns gRPC off)" : "--http-port"
            if text.contains("Address already in use") || text.contains("EADDRINUSE") {
                throw StartupError(description: "cannot listen on \(address): the port is in use by another process. Stop it, or choose another port with \(flag).")
            }
            if text.contains("Cannot assign requested address") || text.contains("EADDRNOTAVAIL") {
                throw StartupError(description: "cannot listen on \(address): this machine has no such address. Check --listen.")
            }
            throw StartupError(description: "cannot listen on \(address): \(text)")
        }
    }
}
