/// Burn rate of a telemetry budget, from the change in reported consumption over the trailing 15 minutes.
///
/// Keeps the first report of each of the last 16 minutes. The rate is the growth from the oldest of them
/// inside the window up to the latest report, spread over the time from that report until now, so it
/// decays when reports stop. A drop in reported consumption means the SDK's period reset: history
/// restarts from that report. Approximate by design: spend between the window's start and the first
/// report inside it is not seen.
struct ReportedBurn: Sendable, Hashable {
    private struct Sample: Sendable, Hashable {
        var instant: UInt64
        var consumed: Money
    }

    private static let slots = 16
    private static let window = BurnRateMeter.windowMinutes * BudgetWindow.nanosPerMinute
    private var samples = [Sample?](repeating: nil, count: slots)
    private var latest: Sample?

    init() {}

    mutating func add(consumed: Money, at instant: UInt64) {
        if let latest {
            guard instant >= latest.instant else { return }
            if consumed < latest.consumed {
                samples = [Sample?](repeating: nil, count: Self.slots)
            }
        }
        let sample = Sample(instant: instant, consumed: consumed)
        let minute = instant / BudgetWindow.nanosPerMinute
        let slot = Int(minute % UInt64(Self.slots))
        let isFirstOfMinute = samples[slot].map { $0.instant / BudgetWindow.nanosPerMinute != minute } ?? true
        if isFirstOfMinute { samples[slot] = sample }
        latest = sample
    }

    /// USD per hour at `now`; nil with less than a minute of history inside the window.
    func usdPerHour(now: UInt64) -> Double? {
        guard let latest, latest.instant <= now else { return nil }
        let windowStart = now > Self.window ? now - Self.window : 0
        let oldest = samples.lazy.compactMap { $0 }
            .filter { $0.instant >= windowStart && $0.instant <= latest.instant }
            .min { $0.instant < $1.instant }
        guard let oldest, now - oldest.instant >= BudgetWindow.nanosPerMinute else { return nil }
        let growth = max(.zero, latest.consumed - oldest.consumed)
        return growth.usd / Double(now - oldest.instant) * Double(BudgetWindow.nanosPerHour)
    }
}
