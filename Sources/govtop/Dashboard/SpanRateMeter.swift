/// Spans received per second, from the running total in successive summaries: the increase over
/// the last few seconds of samples, so the figure neither jumps with each frame nor lags long.
struct SpanRateMeter {
    /// How far back the rate looks.
    static let windowNanoseconds: UInt64 = 3_000_000_000

    private var samples: [(time: UInt64, received: Int)] = []

    /// Adds a sample (monotonic nanoseconds, total spans received) and returns the rate.
    mutating func record(time: UInt64, received: Int) -> Double {
        if let last = samples.last, time <= last.time || received < last.received {
            samples.removeAll()
        }
        samples.append((time, received))
        while samples.count > 2, time - samples[1].time >= SpanRateMeter.windowNanoseconds {
            samples.removeFirst()
        }
        guard let first = samples.first, time > first.time else { return 0 }
        return Double(received - first.received) / (Double(time - first.time) / 1e9)
    }
}
