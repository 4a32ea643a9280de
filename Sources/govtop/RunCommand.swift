import ArgumentParser
import GovTopCore
import GovTopReceiver

/// Runs govtop: the receiver and API, and (unless headless) the dashboard.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Receive OTLP/HTTP and serve the dashboard, the JSON API and /metrics (the default)."
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on: HOST, HOST:PORT or [IPv6]:PORT. Binds to loopback unless told otherwise (0.0.0.0 for all interfaces).", valueName: "address"))
    var listen = ListenAddress(host: "127.0.0.1")

    @Option(name: .long, help: ArgumentHelp("Port for OTLP/HTTP, the API and /metrics.", valueName: "port"))
    var httpPort: Int?

    @Option(name: .long, help: ArgumentHelp("Largest request body, counted after decompression (e.g. 64MiB).", valueName: "size"))
    var maxBody = ByteSize(bytes: 64 << 20)

    @Option(name: .long, help: ArgumentHelp("Most spans held in memory; the oldest are evicted first.", valueName: "count"))
    var maxSpans = 200_000

    @Option(name: .long, help: ArgumentHelp("Most memory the span store may hold (e.g. 512MiB).", valueName: "size"))
    var maxMemory = ByteSize(bytes: 512 << 20)

    @Flag(name: .long, help: "Run without the terminal UI; print a status line to stderr every 10 seconds.")
    var headless = false

    @Option(name: .long, help: .hidden)
    var statusInterval: Double = 10

    func validate() throws {
        let port = httpPort ?? listen.port ?? 4318
        guard (0...65535).contains(port) else { throw ValidationError("--http-port must be between 0 and 65535, not \(port).") }
        if let httpPort, let listenPort = listen.port, httpPort != listenPort {
            throw ValidationError("--listen says port \(listenPort) but --http-port says \(httpPort): give the port once.")
        }
        guard maxSpans > 0 else { throw ValidationError("--max-spans must be at least 1, not \(maxSpans).") }
        guard maxBody.bytes > 0 else { throw ValidationError("--max-body must be more than 0 bytes.") }
        guard maxMemory.bytes >= 1 << 20 else { throw ValidationError("--max-memory must be at least 1MiB, not \(maxMemory).") }
        guard statusInterval > 0 else { throw ValidationError("--status-interval must be positive.") }
    }

    var receiverConfiguration: ReceiverConfiguration {
        ReceiverConfiguration(host: listen.host, port: httpPort ?? listen.port ?? 4318, maxBodyBytes: maxBody.bytes)
    }

    var engineConfiguration: EngineConfiguration {
        EngineConfiguration(store: StoreLimits(maxSpans: maxSpans, maxMemoryBytes: maxMemory.bytes))
    }

    func run() async throws {
        guard headless else {
            throw ValidationError("The terminal dashboard is not available in this build yet; run with --headless.")
        }
        try await HeadlessRunner(receiver: receiverConfiguration, engine: engineConfiguration,
                                 statusInterval: statusInterval).run()
    }
}
