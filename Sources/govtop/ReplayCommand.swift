import ArgumentParser
import Foundation
import GovTopClient
import Synchronization

/// `govtop replay`: sends recorded exports (govtop's `--record` files, or an OpenTelemetry
/// Collector `file` exporter's) to an OTLP/HTTP receiver, as they were recorded.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Send recorded OTLP/JSON exports (govtop --record, a Collector's file exporter) to an OTLP/HTTP receiver.",
        discussion: """
            Each line of FILE is one OTLP/JSON export request (traces, metrics or logs), sent to \
            /v1/traces, /v1/metrics or /v1/logs of the endpoint: traces as OTLP/protobuf (a third \
            of the size) when every span decodes, else as the JSON line. Files may be \
            gzip-compressed. Several files are sent in the order given: a rotated set oldest \
            first (FILE.2 FILE.1 FILE). The time between two exports is the time between the \
            latest timestamps in their data (span ends, data points, log records), divided by \
            --speed; a pause longer than --max-gap is shortened to it. A progress line goes to \
            stderr on a terminal, else one summary line at the end. Bad lines and refused exports \
            are reported with file and line and skipped; an unreachable endpoint ends the replay. \
            Exits 0 when every line was sent and accepted, 1 otherwise.
            """
    )

    @Argument(help: ArgumentHelp("Record files, sent in this order.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("OTLP/HTTP endpoint; /v1/traces, /v1/metrics and /v1/logs are added.", valueName: "url"))
    var endpoint: String = "http://127.0.0.1:4318"

    @Option(name: .long, help: ArgumentHelp("Play the recorded time this many times faster (default 1: as recorded).", valueName: "n"))
    var speed: Double = 1

    @Flag(name: .long, help: "Send every export as soon as the previous one was answered.")
    var asFastAsPossible = false

    @Option(name: .long, help: ArgumentHelp("Longest pause between two exports, in recorded seconds (default 60).", valueName: "seconds"))
    var maxGap: Double = 60

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one record file.") }
        do {
            _ = try OTLPEndpoint(parsing: endpoint)
        } catch {
            throw ValidationError("--endpoint: \(error.reason).")
        }
        guard speed.isFinite, speed > 0, speed <= 1_000_000 else {
            throw ValidationError("--speed must be more than 0 and at most 1000000, not \(speed).")
        }
        guard maxGap.isFinite, maxGap >= 0 else { throw ValidationError("--max-gap must be 0 or more seconds.") }
    }

    func run() async throws {
        let target = try OTLPEndpoint(parsing: endpoint)
        let driver = ReplayDriver(endpoint: target, speed: asFastAsPossible ? nil : speed, maxGapSeconds: maxGap)
        let printer = ReplayPrinter()
        let run = Task { () throws(ReplayError) -> ReplayProgress in
            try await driver.run(files: files, onProgress: { printer.show($0) }, onProblem: { printer.problem($0) })
        }
        let interrupt = Task {
            _ = await SignalWaiter.waitForTermination()
            run.cancel()
        }
        let progress: ReplayProgress
        do {
            progress = try await run.value
        } catch {
            interrupt.cancel()
            printer.clear()
            StandardError.write("govtop replay: \(error)")
            throw ExitCode.failure
        }
        interrupt.cancel()
        printer.finish(progress)
        if progress.failed > 0 || progress.badLines > 0 || progress.itemsRejected > 0 { throw ExitCode.failure }
    }
}

/// The replay's stderr: a progress line redrawn in place on a terminal (at most ten times a second),
/// problems as lines of their own, and one summary line at the end.
final class ReplayPrinter: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lastDrawn = Mutex(ContinuousClock.now - .seconds(1))
    private static let maxProblemsShown = 20
    private let problemsShown = Mutex(0)

    func show(_ progress: ReplayProgress) {
        guard isTerminal else { return }
        let due = lastDrawn.withLock { last in
            guard ContinuousClock.now - last >= .milliseconds(100) else { return false }
            last = ContinuousClock.now
            return true
        }
        if due { FileHandle.standardError.write(Data(("\r\u{1B}[Kgovtop replay: " + progress.line()).utf8)) }
    }

    func problem(_ error: ReplayError) {
        let shown = problemsShown.withLock { count in
            count += 1
            return count
        }
        guard shown <= Self.maxProblemsShown else { return }
        clear()
        StandardError.write("govtop replay: \(error)" + (shown == Self.maxProblemsShown ? " (further problems are counted, not shown)" : ""))
    }

    func clear() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    func finish(_ progress: ReplayProgress) {
        clear()
        StandardError.write("govtop replay: done: " + progress.line())
    }
}
