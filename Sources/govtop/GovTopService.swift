import GovTopConfig
import GovTopCore
import GovTopReceiver

/// What runs whether or not the dashboard is shown: the engine, the OTLP/HTTP receiver with the
/// API and /metrics, the OTLP/gRPC receiver, and the once-a-second tick that re-evaluates budgets and alerts.
struct GovTopService: Sendable {
    let engine: Engine
    let receiver: ReceiverConfiguration
    /// The port the server listens on (the one asked for, or the one picked for port 0).
    let port: Int
    /// The OTLP/gRPC port, nil when that door is off.
    let grpcPort: Int?
    private let server: GovTopServer
    private let ticker: Task<Void, Never>

    /// Builds the engine and starts the server; a port in use or a bad address is a
    /// `StartupError` that says what to do.
    static func start(_ configuration: GovTopConfiguration) async throws -> GovTopService {
        let receiver = configuration.receiverConfiguration
        let engine = Engine(configuration: configuration.engine)
        let server = GovTopServer(configuration: receiver, engine: engine)
        let port = try await StartupError.describing(receiver) { try await server.start() }
        let ticker = Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
                engine.tick()
            }
        }
        return GovTopService(engine: engine, receiver: receiver, port: port, grpcPort: server.grpcPort, server: server, ticker: ticker)
    }

    /// "http://127.0.0.1:4318", for messages.
    var url: String { "http://\(receiver.displayHost):\(port)" }

    /// Stops the tick and the server (open connections are closed).
    func stop() async {
        ticker.cancel()
        await server.stop()
    }
}
