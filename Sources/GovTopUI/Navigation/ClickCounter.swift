/// Tells a double click from two clicks: the second left press on the same cell within
/// `interval` of the first counts 2; a third starts over at 1. Time is given, not read.
public struct ClickCounter: Hashable, Sendable {
    /// The longest gap between the presses of a double click, in nanoseconds.
    public static let interval: UInt64 = 400_000_000

    private struct Press: Hashable, Sendable {
        var x: Int
        var y: Int
        var time: UInt64
        var count: Int
    }

    private var last: Press?

    public init() {}

    /// The click count of a report at `time` (monotonic nanoseconds): 1 or 2 for a left press,
    /// 0 for anything else.
    public mutating func count(_ event: MouseEvent, at time: UInt64) -> Int {
        guard event.kind == .press(.left) else { return 0 }
        var count = 1
        if let last, last.count == 1, last.x == event.x, last.y == event.y, time >= last.time,
           time - last.time <= Self.interval {
            count = 2
        }
        last = Press(x: event.x, y: event.y, time: time, count: count)
        return count
    }
}
