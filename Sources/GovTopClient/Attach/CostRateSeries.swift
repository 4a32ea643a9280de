/// Cost per second of the fleet for the header's sparkline, worked out from the summed
/// `cost_usd_total` of successive polls (the API serves totals, not the per-second series).
/// A total that went down (an instance gone, or restarted) counts as nothing spent.
struct CostRateSeries: Sendable {
    static let capacity = 120
    private(set) var perSecond: [Double] = []
    private var last: (time: UInt64, total: Double)?

    /// Records the total at `time` (monotonic nanoseconds).
    mutating func record(total: Double, at time: UInt64) {
        defer { last = (time, total) }
        guard let last, time > last.time else { return }
        let seconds = Double(time - last.time) / 1e9
        let rate = max(0, total - last.total) / max(seconds, 0.001)
        perSecond.append(rate.isFinite ? rate : 0)
        if perSecond.count > Self.capacity { perSecond.removeFirst(perSecond.count - Self.capacity) }
    }
}
