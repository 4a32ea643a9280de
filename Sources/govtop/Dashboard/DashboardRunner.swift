import GovTopConfig
import GovTopCore
import GovTopTerminal

/// Runs govtop with the dashboard: the service on its own threads, the terminal UI on the main
/// thread until the user quits or a signal arrives, then the service is stopped.
struct DashboardRunner {
    let configuration: GovTopConfiguration
    let options: DashboardOptions
    /// Send the demo fleet's traffic to the receiver (`--demo`).
    var demo = false
    /// Where the ledger of record lives (ledger: issue 11).
    var ledger = LedgerChoice.inMemory

    func run() async throws {
        try Terminal.requireTerminal()
        let logger = try FileLogger(path: options.logFile)
        let service = try await GovTopService.start(configuration, ledger: ledger)
        let grpc = service.grpcPort.map { ", OTLP/gRPC on port \($0)" } ?? ""
        logger.log("govtop listening on \(service.url)\(grpc); theme \(options.theme.name); config \(configuration.source ?? "defaults")")
        let traffic = demo ? DemoTraffic.start(for: service) : nil
        let options = options
        let outcome: Result<String, any Error> = await MainActor.run {
            Result { try DashboardLoop(service: service, options: options, logger: logger).run() }
        }
        if let traffic { logger.log("demo traffic: " + (await traffic.stop()).line(duration: nil)) }
        await service.stop()
        switch outcome {
        case .success(let reason):
            logger.log("stopped (\(reason)). \(StatusLine.text(service.engine.summary()))")
        case .failure(let error):
            logger.log("stopped by an error: \(error)")
            throw error
        }
    }
}
