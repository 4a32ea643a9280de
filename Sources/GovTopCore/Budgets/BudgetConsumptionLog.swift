/// How each configured budget's consumption grew over its current period, for the burn-down
/// chart: the period cut into `buckets` equal parts, each holding the latest consumption sampled
/// in it (the engine samples on every tick). A new period starts an empty log. Bounded: a fixed
/// number of samples per budget. Not thread-safe: the engine owns it.
struct BudgetConsumptionLog: Sendable {
    static let buckets = 120

    private struct Log: Sendable {
        var window: BudgetWindow
        var samples: [(at: UInt64, consumed: Money)?]
    }

    private var logs: [Log?] = []

    /// Samples every tracker's consumption at `now`.
    mutating func sample(_ trackers: [BudgetTracker], now: UInt64) {
        if logs.count != trackers.count { logs = Array(repeating: nil, count: trackers.count) }
        for (index, tracker) in trackers.enumerated() where !tracker.definition.period.isRolling {
            // A rolling window has no period to chart against: it slides with every tick.
            let status = tracker.status(now: now)
            guard let start = status.periodStart, let end = status.resetsAt, end > start, now >= start, now < end else { continue }
            let window = BudgetWindow(start: start, end: end)
            if logs[index]?.window != window { logs[index] = Log(window: window, samples: Array(repeating: nil, count: Self.buckets)) }
            let bucket = Int((Double(now - start) / Double(end - start) * Double(Self.buckets)).rounded(.down))
            logs[index]?.samples[min(Self.buckets - 1, max(0, bucket))] = (now, tracker.consumed(now: now))
        }
    }

    /// Every configured budget's samples in its current period, oldest first (empty before the
    /// first tick of a period).
    func histories(_ trackers: [BudgetTracker]) -> [BudgetBurnHistory] {
        trackers.enumerated().map { index, tracker in
            guard index < logs.count, let log = logs[index] else { return BudgetBurnHistory(name: tracker.name, samples: []) }
            return BudgetBurnHistory(name: tracker.name, periodStart: log.window.start, periodEnd: log.window.end,
                                     samples: log.samples.compactMap { $0.map { BudgetBurnHistory.Sample(at: $0.at, consumed: $0.consumed) } })
        }
    }
}
