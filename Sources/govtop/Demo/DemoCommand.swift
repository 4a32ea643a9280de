import ArgumentParser
import Foundation
import GovTopDemo
import GovTopClient

/// `govtop demo`: the demo fleet's traffic, in real time, to any OTLP/HTTP endpoint.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Send the demo fleet's traces to an OTLP/HTTP endpoint (another govtop, a Collector).",
        discussion: """
            Sends the spans that ended each second as one OTLP/HTTP protobuf export, retrying \
            connection errors, timeouts and 429/502/503/504 with backoff. A progress line goes to \
            stderr. Exits 0 when every batch was delivered, 1 when some were lost (or the run was \
            interrupted by SIGINT/SIGTERM before the end: then the counts so far are printed).
            """
    )

    @Option(name: .long, help: ArgumentHelp("OTLP/HTTP endpoint; /v1/traces is added when the URL has no path.", valueName: "url"))
    var endpoint: String = "http://127.0.0.1:4318"

    @Option(name: .long, help: ArgumentHelp("Spans per second (at most \(Int(DemoScenario.maximumRate))).", valueName: "spans-per-s"))
    var rate: Double = DemoScenario.defaultRate

    @Option(name: .long, help: ArgumentHelp("Seconds to run (default: until interrupted).", valueName: "seconds"))
    var duration: Double?

    @Option(name: .long, help: ArgumentHelp("Seed of the generator: the same seed sends the same fleet.", valueName: "n"))
    var seed: UInt64 = 42

    @Option(name: .long, help: ArgumentHelp("Start the fleet this many seconds earlier and send what it did meanwhile at once (0–60).", valueName: "seconds"))
    var warmUp: Double = 0

    @Option(name: .long, help: ArgumentHelp("Seconds between progress lines when stderr is not a terminal.", valueName: "seconds"))
    var progressInterval: Double = 10

    func validate() throws {
        do {
            _ = try OTLPEndpoint(parsing: endpoint)
        } catch {
            throw ValidationError("--endpoint: \(error.reason).")
        }
        guard rate.isFinite, rate > 0, rate <= DemoScenario.maximumRate else {
            throw ValidationError("--rate must be more than 0 and at most \(Int(DemoScenario.maximumRate)) spans per second, not \(rate).")
        }
        if let duration, !(duration.isFinite && duration > 0 && duration <= 366 * 86_400) {
            throw ValidationError("--duration must be a positive number of seconds (at most a year), not \(duration).")
        }
        guard warmUp.isFinite, (0...60).contains(warmUp) else {
            throw ValidationError("--warm-up must be from 0 to 60 seconds, not \(warmUp).")
        }
        guard progressInterval.isFinite, progressInterval > 0 else {
            throw ValidationError("--progress-interval must be a positive number of seconds.")
        }
    }

    func run() async throws {
        let target = try OTLPEndpoint(parsing: endpoint)
        let driver = DemoDriver(endpoint: target, rate: rate, seed: seed, warmUp: .milliseconds(Int64((warmUp * 1000).rounded())))
        let printer = ProgressPrinter(duration: duration, interval: progressInterval)
        StandardError.write("govtop demo: sending \(rate == rate.rounded() ? DemoProgress.grouped(Int(rate)) : String(rate)) spans/s to \(target)"
            + (duration.map { " for \(DemoProgress.durationText($0))" } ?? " until interrupted"))
        let runDuration = duration.map { Duration.milliseconds(Int64(($0 * 1000).rounded())) }
        let run = Task { await driver.run(duration: runDuration) { printer.show($0) } }
        let interrupt = Task {
            let signal = await SignalWaiter.waitForTermination()
            run.cancel()
            return signal
        }
        let progress = await run.value
        interrupt.cancel()
        printer.finish(progress)
        if progress.batchesFailed > 0 {
            StandardError.write("govtop demo: \(DemoProgress.grouped(progress.batchesFailed)) of "
                + "\(DemoProgress.grouped(progress.batchesFailed + progress.batchesSent)) batches were not delivered.")
            throw ExitCode.failure
        }
    }
}
