import Foundation
import GovTopCore
import Synchronization

/// What two export workers cost each other: agent-trace batches (as `ingest-agents` sends them,
/// governance on) ingested into one engine by one thread, then by two at once, alternating for
/// three rounds of each. govtop runs two export workers, and the single-thread sections cannot see
/// what their meeting at the engine's lock costs: the waiter's time (spinning, sleeping, waking)
/// and the caches the two threads take from each other. Reports batches per wall-clock second and
/// the process's CPU per batch (user + system, so a waiter's spin in the kernel counts), medians
/// of the rounds.
enum ContendedIngestBenchmark {
    static func run(seconds: Double) -> String {
        let traces = (0..<64).map { TypicalGenAITraces.batch(index: $0) }
        let bodies = traces.map(OTLPProtobufEncoder.encode)
        var governed = IngestBenchmark.governed
        governed.store = StoreLimits(maxSpans: traces.count / 4 * traces[0].spanCount)
        let engine = Engine(configuration: governed)
        let round = max(0.5, seconds / 3)

        var one: [Round] = [], two: [Round] = []
        _ = measure(engine, traces, bodies, threads: 2, seconds: 0.3) // warm-up
        for _ in 0..<3 {
            one.append(measure(engine, traces, bodies, threads: 1, seconds: round))
            two.append(measure(engine, traces, bodies, threads: 2, seconds: round))
        }
        let single = Round.median(one), double = Round.median(two)
        let spans = Double(traces[0].spanCount)
        return """
            ingest-contended: agent batches of \(traces[0].spanCount) spans, governance on, one engine; \
            medians of 3 alternating rounds of \(String(format: "%.1f", round)) s
              one thread:  \(single.describe(spans: spans))
              two threads: \(double.describe(spans: spans))
              two / one: \(String(format: "%.2fx", double.batchesPerSecond / single.batchesPerSecond)) the rate, \
            \(String(format: "%.2fx", double.cpuPerBatch / single.cpuPerBatch)) the CPU per batch
            """
    }

    struct Round {
        var batchesPerSecond: Double
        /// Process CPU seconds (user + system) per batch.
        var cpuPerBatch: Double

        static func median(_ rounds: [Round]) -> Round {
            Round(batchesPerSecond: rounds.map(\.batchesPerSecond).sorted()[rounds.count / 2],
                  cpuPerBatch: rounds.map(\.cpuPerBatch).sorted()[rounds.count / 2])
        }

        func describe(spans: Double) -> String {
            String(format: "%.0f batches/s (%.0f spans/s), %.3f ms CPU per batch", batchesPerSecond,
                   batchesPerSecond * spans, cpuPerBatch * 1e3)
        }
    }

    /// `threads` threads ingest for `seconds`, each its own share of the batches, round and round.
    private static func measure(_ engine: Engine, _ traces: [TraceBatch], _ bodies: [[UInt8]], threads: Int,
                                seconds: Double) -> Round {
        let counted = Counter()
        let started = BenchmarkTimer.wallSeconds(), cpuStarted = BenchmarkTimer.seconds(CLOCK_PROCESS_CPUTIME_ID)
        let deadline = started + seconds
        let finished = DispatchGroup()
        for slot in 0..<threads {
            finished.enter()
            Thread {
                var index = slot
                var done = 0
                while BenchmarkTimer.wallSeconds() < deadline {
                    let batch = index % traces.count
                    blackHole(bodies[batch].withUnsafeBytes { engine.ingest(traces[batch], verbatimSource: $0) })
                    index += threads
                    done += 1
                }
                counted.batches.add(done, ordering: .relaxed)
                finished.leave()
            }.start()
        }
        finished.wait()
        let elapsed = BenchmarkTimer.wallSeconds() - started, cpu = BenchmarkTimer.seconds(CLOCK_PROCESS_CPUTIME_ID) - cpuStarted
        let batches = counted.batches.load(ordering: .relaxed)
        return Round(batchesPerSecond: Double(batches) / elapsed, cpuPerBatch: cpu / Double(max(1, batches)))
    }

    private final class Counter: Sendable {
        let batches = Atomic<Int>(0)
    }
}
