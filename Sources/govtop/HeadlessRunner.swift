import Foundation
import GovTopConfig
import GovTopCore
import GovTopReceiver

/// Runs the receiver and API without a terminal UI until SIGINT or SIGTERM, printing a status
/// line to stderr at a fixed interval.
struct HeadlessRunner {
    let configuration: GovTopConfiguration
    let statusInterval: Double
    /// Send the demo fleet's traffic to the receiver (`--demo`).
    var demo = false
    /// Where the ledger of record lives (ledger: issue 11).
    var ledger = LedgerChoice.inMemory

    func run() async throws {
        let service = try await GovTopService.start(configuration, ledger: ledger)
        let engine = service.engine
        let grpc = service.grpcPort.map { ", OTLP/gRPC on \(service.receiver.displayHost):\($0)" } ?? ""
        StandardError.write("govtop: listening on \(service.url) (OTLP/HTTP /v1/traces, API /api/v1, /metrics)\(grpc)")
        let traffic = demo ? DemoTraffic.start(for: service) : nil
        let status = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(statusInterval))
                StandardError.write(StatusLine.text(engine.summary()))
            }
        }
        let signal = await SignalWaiter.waitForTermination()
        status.cancel()
        if let traffic { StandardError.write("govtop: demo traffic: " + (await traffic.stop()).line(duration: nil)) }
        await service.stop()
        StandardError.write("govtop: \(signal) received, stopped. \(StatusLine.text(engine.summary()))")
    }
}

/// The one-line status printed in headless mode.
enum StatusLine {
    static func text(_ summary: Summary) -> String {
        "govtop: received \(summary.spansReceived) spans, stored \(summary.spansStored), evicted \(summary.spansEvicted), "
            + "rejected \(summary.spansRejected), cost $\(String(format: "%.4f", summary.costUSDTotal))"
    }
}

/// Writes lines to stderr (only while no terminal UI owns the screen).
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension ReceiverConfiguration {
    /// The host as a URL spells it.
    var displayHost: String { host.contains(":") ? "[\(host)]" : host }
}
