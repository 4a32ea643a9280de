/// When each export of a replay is sent, from the times in the data: the first at once, each next
/// one after the gap between its time and the previous one's, divided by `speed`. Exports without a
/// time, or older than the one before (out of order), follow at once; a gap longer than `maxGap`
/// (a recording left idle overnight) shrinks to `maxGap` before the speed applies. With `speed`
/// nil every export follows at once (as fast as possible).
public struct ReplaySchedule: Sendable, Hashable {
    public let speed: Double?
    public let maxGapNanos: UInt64
    private var previous: UInt64?
    /// Recorded time elapsed so far, gaps capped: where the next send is due, before the speed.
    private var elapsedNanos: UInt64 = 0

    public init(speed: Double?, maxGapSeconds: Double = 60) {
        self.speed = speed
        maxGapNanos = UInt64(max(0, min(maxGapSeconds, 86_400 * 366)) * 1e9)
    }

    /// How long after the start the export with `time` is due.
    public mutating func due(at time: UInt64?) -> Duration {
        if let time {
            if let previous, time > previous { elapsedNanos += min(time - previous, maxGapNanos) }
            previous = max(previous ?? time, time)
        }
        guard let speed, speed > 0 else { return .zero }
        let seconds = Double(elapsedNanos) / 1e9 / speed
        return .nanoseconds(Int64(min(seconds, 1e9) * 1e9))
    }
}
