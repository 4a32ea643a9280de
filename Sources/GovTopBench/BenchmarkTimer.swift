import Foundation

/// Times closures: a warm-up period first, then individually timed runs for a fixed budget;
/// the median run is the result (robust against the odd preempted run).
///
/// Several cases given together are run interleaved (A, B, A, B, ...), so that a change in the
/// machine's load during the measurement affects them alike and their ratio stays meaningful.
/// By default the clock is the thread's CPU time, which on a shared machine is much steadier
/// than wall time; `--clock wall` switches to wall time.
struct BenchmarkTimer {
    enum Clock: String {
        case cpu, wall
    }

    var clock = Clock.cpu
    var warmUp = 0.3
    var budget = 1.5
    var minimumRuns = 5

    struct Measurement {
        /// Seconds taken by the median run.
        var seconds: Double
        var runs: Int
    }

    func measure(_ body: () -> Void) -> Measurement {
        withoutActuallyEscaping(body) { measure([$0])[0] }
    }

    func measure(_ cases: [() -> Void]) -> [Measurement] {
        let warmUpEnd = Self.wallSeconds() + warmUp
        while Self.wallSeconds() < warmUpEnd { cases.forEach { $0() } }

        var samples = [[Double]](repeating: [], count: cases.count)
        let deadline = Self.wallSeconds() + budget * Double(cases.count)
        while samples[0].count < minimumRuns || Self.wallSeconds() < deadline {
            for (index, body) in cases.enumerated() {
                let start = now()
                body()
                samples[index].append(now() - start)
            }
        }
        return samples.map { runs in
            let sorted = runs.sorted()
            return Measurement(seconds: sorted[sorted.count / 2], runs: sorted.count)
        }
    }

    private func now() -> Double {
        switch clock {
        case .wall: Self.wallSeconds()
        case .cpu: Self.seconds(CLOCK_THREAD_CPUTIME_ID)
        }
    }

    static func wallSeconds() -> Double { seconds(CLOCK_MONOTONIC) }

    /// Seconds on `clock` (monotonic, the process's or the thread's CPU time).
    static func seconds(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Keeps the optimizer from discarding a benchmarked result.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
