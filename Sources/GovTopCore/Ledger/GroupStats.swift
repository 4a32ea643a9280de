/// One group's exact totals and recent activity: cost and requests per 5 seconds over the last
/// minute (the 1-minute rates), and cost per minute over the last hour (the trend). The bucket
/// values only: which bucket each slot holds is kept once per table (`GroupTable`'s rings).
struct GroupStats: Sendable {
    var totals = Totals()
    var recentCost = InlineArray<12, Double>(repeating: 0)
    var recentRequests = InlineArray<12, Double>(repeating: 0)
    var minuteCost = InlineArray<60, Double>(repeating: 0)

    static let estimatedBytes = MemoryLayout<GroupStats>.stride
}
