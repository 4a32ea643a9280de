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
        // A refused token or an unverified certificate is a mistake on this command line: say so and
        // stop before the screen changes, rather than draw a fleet with that instance missing.
        let refusals = source.refusals()
        guard refusals.isEmpty else {
            await source.stop()
            logger.log("attach refused: " + refusals.map(\.description).joined(separator: "; "))
            throw AttachRefusal(failures: refusals)
        }
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
