/// Times a closure: a warm-up period first, then individually timed runs for a fixed budget;
/// the median run is the result (robust against the odd preempted run on a shared machine).
struct BenchmarkTimer {
    var warmUp: Duration = .milliseconds(300)
    var budget: Duration = .milliseconds(1500)
    var minimumRuns = 5

    struct Measurement {
        var median: Duration
        var runs: Int

        var seconds: Double {
            let parts = median.components
            return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        }
    }

    func measure(_ body: () -> Void) -> Measurement {
        let clock = ContinuousClock()
        let warmUpEnd = clock.now.advanced(by: warmUp)
        while clock.now < warmUpEnd { body() }

        var samples: [Duration] = []
        let deadline = clock.now.advanced(by: budget)
        while samples.count < minimumRuns || clock.now < deadline {
            let start = clock.now
            body()
            samples.append(clock.now - start)
        }
        samples.sort()
        return Measurement(median: samples[samples.count / 2], runs: samples.count)
    }
}

/// Keeps the optimizer from discarding a benchmarked result.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
