import GovTopConfig
import GovTopCore
import GovTopNotify
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
    /// The ledger of record and its writer (ledger: issue 11).
    private let ledger: OpenLedger
    /// Records accepted exports (`--record`); nil when not recording.
    private let recorder: ExportRecorder?
    /// Sends alerts to the configured sinks; nil without any (notifications: issue 15).
    private let notifier: Notifier?

    /// Builds the engine, restores the ledger of record into it and starts the server; a port in use
    /// or a bad address is a `StartupError` that says what to do, bad state a `LedgerStoreError`.
    static func start(_ configuration: GovTopConfiguration, ledger choice: LedgerChoice = .inMemory) async throws -> GovTopService {
        var receiver = configuration.receiverConfiguration
        for warning in try receiver.applyAccess(configuration.access) { StandardError.write("govtop: warning: \(warning)") } // auth: issue 16
        let engine = Engine(configuration: configuration.engine)
        let ledger = try OpenLedger(choice, engine: engine, pricing: configuration.engine.pricing)
        let recorder: ExportRecorder?
        do {
            recorder = try configuration.record.map { try StartupError.recording($0, policies: configuration.engine.policies) }
        } catch {
            ledger.stop()
            throw error
        }
        let notifier: Notifier?
        do {
            notifier = try configuration.notifications.isEmpty ? nil
                : Notifier(engine: engine, sinks: configuration.notifications,
                           claims: ledger.store as? any NotificationClaimStore) // fleet: issue 16, one notification per fleet
        } catch {
            recorder?.stop()
            ledger.stop()
            throw StartupError(description: "TLS for the notification sinks could not be set up: \(error)")
        }
        notifier?.start()
        let server = GovTopServer(configuration: receiver, engine: engine, recorder: recorder)
        let port: Int
        do {
            port = try await StartupError.describing(receiver) { try await server.start() }
        } catch {
            notifier?.stop()
            recorder?.stop()
            ledger.stop()
            throw error
        }
        let ticker = Task {
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
                engine.tick()
            }
        }
        return GovTopService(engine: engine, receiver: receiver, port: port, grpcPort: server.grpcPort, server: server,
                             ticker: ticker, ledger: ledger, recorder: recorder, notifier: notifier)
    }

    /// "http://127.0.0.1:4318" ("https://..." with TLS), for messages.
    var url: String { "\(receiver.tls == nil ? "http" : "https")://\(receiver.displayHost):\(port)" }

    /// Stops the tick and the server (open connections are closed), then writes what the recorder
    /// still has queued and commits the ledger's last deltas.
    func stop() async {
        ticker.cancel()
        await server.stop()
        let (recorder, ledger, notifier) = (recorder, ledger, notifier)
        await BlockingWork.run {
            recorder?.stop()
            ledger.stop()
            notifier?.stop()
        }
    }
}
