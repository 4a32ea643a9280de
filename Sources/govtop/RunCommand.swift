import ArgumentParser
import Foundation
import GovTopConfig
import GovTopCore
import GovTopReceiver

/// Runs govtop: the receiver and API, and (unless headless) the dashboard.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Receive OTLP/HTTP and OTLP/gRPC and serve the dashboard, the JSON API and /metrics (the default)."
    )

    @Option(name: .long, help: ArgumentHelp("Configuration file (default: $XDG_CONFIG_HOME/govtop/config.yaml if it exists).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Address to listen on: HOST, HOST:PORT or [IPv6]:PORT. Loopback unless told otherwise (0.0.0.0 for all interfaces).", valueName: "address"))
    var listen: ListenAddress?

    @Option(name: .long, help: ArgumentHelp("Port for OTLP/HTTP, the API and /metrics (default 4318; 0 picks a free port).", valueName: "port"))
    var httpPort: Int?

    @Option(name: .long, help: ArgumentHelp("Port for OTLP/gRPC, on the --listen host (default 4317; 0 turns it off).", valueName: "port"))
    var grpcPort: Int?

    @Option(name: .long, help: ArgumentHelp("Largest request body, counted after decompression (default 64MiB).", valueName: "size"))
    var maxBody: SizeArgument?

    @Option(name: .long, help: ArgumentHelp("Most connections open at once; beyond it a new connection closes the longest-idle one that is not processing a request (default 256).", valueName: "count"))
    var maxConnections: Int?

    @Option(name: .long, help: ArgumentHelp("Time a request head may take, from its first byte; a trickle of bytes does not extend it (default 10s).", valueName: "duration"))
    var headerTimeout: DurationArgument?

    @Option(name: .long, help: ArgumentHelp("Time a kept-alive connection may wait for its next request (default 60s).", valueName: "duration"))
    var idleTimeout: DurationArgument?

    @Option(name: .long, help: ArgumentHelp("Slowest average rate a request body may arrive at, per second, after a grace of the header timeout (default 32KiB).", valueName: "size"))
    var minBodyRate: SizeArgument?

    @Option(name: .long, help: ArgumentHelp("Most request memory in flight at once: bodies, inflated copies and decoding; beyond it exports get 503 + Retry-After (default 256MiB or 4 x --max-body, whichever is more).", valueName: "size"))
    var maxInflight: SizeArgument?

    @Option(name: .long, help: ArgumentHelp("A trace export may cost at most this many times its decompressed size (plus 1MiB, and never more than 2 x --max-body + 1MiB) while it is decoded; beyond it: 413 (default 32).", valueName: "ratio"))
    var maxDecodeRatio: Int?

    @Option(name: .long, help: ArgumentHelp("Most exports waiting for a worker; beyond it exports get 503 + Retry-After (default 64).", valueName: "count"))
    var maxExportQueue: Int?

    @Option(name: .long, help: ArgumentHelp("Most spans held in memory; the oldest are evicted first (default 200000).", valueName: "count"))
    var maxSpans: Int?

    @Option(name: .long, help: ArgumentHelp("Most memory the span store may hold (default 512MiB).", valueName: "size"))
    var maxMemory: SizeArgument?

    @Flag(name: .long, help: "Run without the terminal UI; print a status line to stderr every 10 seconds.")
    var headless = false

    @Flag(name: .long, help: "Feed the dashboard with a built-in demo fleet sent over OTLP/HTTP to govtop's own receiver, with the demo's budgets and policies (replacing the configured ones).")
    var demo = false

    @Option(name: .long, help: .hidden)
    var statusInterval: Double = 10

    /// Where the ledger of record lives (ledger: issue 11): `--state DIR`, `--ephemeral`, `--history-days`.
    @OptionGroup var state: StateOptions

    /// Token, TLS and `--insecure-no-auth` (auth: issue 16).
    @OptionGroup var access: AccessOptions

    /// Runs only the foundation (decode, normalize, store, exact totals) without the governance
    /// engine, as `EngineConfiguration.governance = false`: the baseline `.ci/ingest-load.py`
    /// measures governance against. Hidden: it is a measuring aid, not a way to run govtop.
    @Flag(name: .long, help: .hidden)
    var noGovernance = false

    @Option(name: .long, help: ArgumentHelp("Dashboard theme: a name (default, light, mono, high-contrast, solarized-dark, or NAME.yaml in $GOVTOP_THEMES) or a theme file's path. Press t to cycle.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "Ring the terminal bell when a critical alert fires or escalates.")
    var bell = false

    @Option(name: .long, help: ArgumentHelp("Append every accepted export to FILE as OTLP/JSON lines (the OpenTelemetry Collector file exporter's format), for `govtop replay`.", valueName: "file"))
    var record: String?

    @Option(name: .long, help: ArgumentHelp("Rotate the record file before it grows past this size: FILE becomes FILE.1 (default 64MiB).", valueName: "size"))
    var recordMaxBytes: SizeArgument?

    @Option(name: .long, help: ArgumentHelp("Rotated record files kept, FILE.1 (newest) to FILE.N (default 4).", valueName: "n"))
    var recordKeep: Int?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection) instead of clicks and the wheel; the configuration's mouse: false does the same.")
    var noMouse = false

    @Option(name: .long, help: ArgumentHelp("Where the dashboard logs (default $XDG_STATE_HOME/govtop/govtop.log, else /tmp/govtop-UID.log).", valueName: "file"))
    var logFile: String?

    func validate() throws {
        if let httpPort, !(0...65535).contains(httpPort) {
            throw ValidationError("--http-port must be between 0 and 65535, not \(httpPort).")
        }
        if let httpPort, let listenPort = listen?.port, httpPort != listenPort {
            throw ValidationError("--listen says port \(listenPort) but --http-port says \(httpPort): give the port once.")
        }
        if let grpcPort, !(0...65535).contains(grpcPort) {
            throw ValidationError("--grpc-port must be between 0 (off) and 65535, not \(grpcPort).")
        }
        if let grpcPort, grpcPort != 0, grpcPort == httpPort ?? listen?.port {
            throw ValidationError("--grpc-port and the HTTP port are both \(grpcPort): give each door a port of its own.")
        }
        if let maxSpans, maxSpans < 1 { throw ValidationError("--max-spans must be at least 1, not \(maxSpans).") }
        if let maxBody, maxBody.bytes < 1 { throw ValidationError("--max-body must be more than 0 bytes.") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be at least 1, not \(maxConnections).") }
        if let headerTimeout, !(headerTimeout.seconds >= 0.001 && headerTimeout.seconds <= 3600) {
            throw ValidationError("--header-timeout must be from 1ms to 1h.")
        }
        if let idleTimeout, !(idleTimeout.seconds >= 0.001 && idleTimeout.seconds <= 86_400) {
            throw ValidationError("--idle-timeout must be from 1ms to 1 day (24h).")
        }
        if let minBodyRate, minBodyRate.bytes < 1 { throw ValidationError("--min-body-rate must be at least 1 byte per second.") }
        if let maxMemory, maxMemory.bytes < 1 << 20 { throw ValidationError("--max-memory must be at least 1MiB.") }
        if let maxInflight, maxInflight.bytes < (maxBody?.bytes ?? GovTopConfiguration.defaultMaxBodyBytes) {
            throw ValidationError("--max-inflight must be at least --max-body (\(ByteSizeText.format(maxBody?.bytes ?? GovTopConfiguration.defaultMaxBodyBytes))): a request of the largest size could never be served.")
        }
        if let maxDecodeRatio, maxDecodeRatio < 1 { throw ValidationError("--max-decode-ratio must be at least 1, not \(maxDecodeRatio).") }
        if let maxExportQueue, maxExportQueue < 1 { throw ValidationError("--max-export-queue must be at least 1, not \(maxExportQueue).") }
        if let recordMaxBytes, recordMaxBytes.bytes < 1024 { throw ValidationError("--record-max-bytes must be at least 1KiB.") }
        if let recordKeep, !(0...1000).contains(recordKeep) { throw ValidationError("--record-keep must be from 0 to 1000, not \(recordKeep).") }
        guard statusInterval > 0 else { throw ValidationError("--status-interval must be positive.") }
        try state.validate()
        try access.validate()
    }

    /// The configuration file (if any) with the command-line flags laid over it.
    func resolvedConfiguration() throws -> GovTopConfiguration {
        let path = config ?? ConfigLoader.defaultPath(environment: ProcessInfo.processInfo.environment)
        var resolved = try path.map { path throws(ConfigError) in try ConfigLoader.load(path: path) } ?? GovTopConfiguration()
        if let listen {
            resolved.host = listen.host
            if let port = listen.port { resolved.port = port }
        }
        if let httpPort { resolved.port = httpPort }
        if let grpcPort { resolved.receiver.grpcPort = grpcPort }
        if let maxBody { resolved.maxBodyBytes = maxBody.bytes }
        if let maxConnections { resolved.receiver.maxConnections = maxConnections }
        if let headerTimeout { resolved.receiver.headerTimeoutSeconds = headerTimeout.seconds }
        if let idleTimeout { resolved.receiver.idleTimeoutSeconds = idleTimeout.seconds }
        if let minBodyRate { resolved.receiver.minBodyBytesPerSecond = minBodyRate.bytes }
        if let maxSpans { resolved.engine.store.maxSpans = maxSpans }
        if let maxMemory { resolved.engine.store.maxMemoryBytes = maxMemory.bytes }
        if let maxInflight { resolved.receiver.maxInflightBytes = maxInflight.bytes }
        if let maxDecodeRatio { resolved.receiver.maxDecodeRatio = maxDecodeRatio }
        if let maxExportQueue { resolved.receiver.maxExportQueue = maxExportQueue }
        if let record { resolved.record = RecordSettings(file: record, maxFileBytes: resolved.record?.maxFileBytes, keepFiles: resolved.record?.keepFiles) }
        if let recordMaxBytes { resolved.record?.maxFileBytes = recordMaxBytes.bytes }
        if let recordKeep { resolved.record?.keepFiles = recordKeep }
        if demo { resolved.useDemoGovernance() }
        if noGovernance { resolved.engine.governance = false }
        access.apply(to: &resolved.access)
        if demo, resolved.access.tlsCertificate != nil || (resolved.access.otlpAuth == true && resolved.access.tokenFile != nil) {
            throw ValidationError("--demo sends its traffic over plain OTLP/HTTP without a token: run it without TLS and without otlp_auth.")
        }
        return resolved
    }

    func run() async throws {
        let configuration = try resolvedConfiguration()
        let ledger = try state.choice(demo: demo, environment: ProcessInfo.processInfo.environment,
                                      configured: configuration.ledger) // fleet: issue 16
        try await LedgerChoice.exitingOnStateErrors {
            if headless {
                try await HeadlessRunner(configuration: configuration, statusInterval: statusInterval, demo: demo, ledger: ledger).run()
            } else {
                try await DashboardRunner(configuration: configuration, options: try dashboardOptions(configuration), demo: demo,
                                          ledger: ledger).run()
            }
        }
    }
}

extension GovTopConfiguration {
    var receiverConfiguration: ReceiverConfiguration {
        // What one trace export may cost while it is decoded follows the largest body; the floor
        // every request gets is on top, so a small --max-body still takes an honest small batch.
        var decodeLimits = DecodeLimits(maxDecodedBytes: 2 * maxBodyBytes + DecodeLimits.decodeAllowanceFloor)
        if let ratio = receiver.maxDecodeRatio { decodeLimits.maxDecodeRatio = ratio }
        var configuration = ReceiverConfiguration(host: host, port: port, maxBodyBytes: maxBodyBytes, decodeLimits: decodeLimits,
                                                  maxInflightBytes: receiver.maxInflightBytes)
        if let count = receiver.maxConnections { configuration.maxConnections = count }
        if let seconds = receiver.headerTimeoutSeconds { configuration.headerTimeout = .milliseconds(Int64((seconds * 1000).rounded())) }
        if let seconds = receiver.idleTimeoutSeconds { configuration.idleTimeout = .milliseconds(Int64((seconds * 1000).rounded())) }
        if let rate = receiver.minBodyBytesPerSecond { configuration.minBodyBytesPerSecond = rate }
        if let count = receiver.maxExportQueue { configuration.maxQueuedExports = count }
        configuration.decision = decision // decide (issue 15)
        let grpcPort = receiver.grpcPort ?? GovTopConfiguration.defaultGRPCPort
        configuration.grpcPort = grpcPort == 0 ? nil : grpcPort
        return configuration
    }
}
