import GovTopClient
import GovTopCore
import GovTopTerminal

/// Runs the dashboard over attached govtops: polling in the background, the terminal UI on the
/// main thread until the user quits or a signal arrives.
struct AttachRunner {
    let clients: [GovTopAPIClient]
    let options: DashboardOptions

    func run() async throws {
        try Terminal.requireTerminal()
        let logger = try FileLogger(path: options.logFile)
        let source = RemoteSource(clients: clients)
        logger.log("govtop attach to " + clients.map(\.url.description).joined(separator: ", "))
        // The first poll before the first frame, so the screen starts with data (or with who is unreachable).
        await source.pollOnce()
        source.start()
        let options = options
        let address = source.labels.joined(separator: ", ")
        let outcome: Result<String, any Error> = await MainActor.run {
            Result { try DashboardLoop(source: source, listenAddress: address, options: options, logger: logger).run() }
        }
        await source.stop()
        switch outcome {
        case .success(let reason):
            logger.log("attach stopped (\(reason))")
        case .failure(let error):
            logger.log("attach stopped by an error: \(error)")
            throw error
        }
    }
}
