/// What the rest of a fleet adds to this instance's own figures (shared ledger, issue 16).
///
/// The writer drains this instance's deltas under the engine's lock and records, in the same lock,
/// what the instance had counted (`FleetBaseline`); it commits them, then reads the fleet's committed
/// figures. That read contains every delta of this instance up to the baseline, so
/// `offset = fleet − baseline` is exactly what the other instances had committed. A reader shows
/// `own now + offset` = fleet committed + this instance's not yet committed deltas, counting nothing
/// twice. When a commit or the read fails, the previous offset stays: own figures grow, so the sum
/// still counts every local span once and the others' as of the last read.
///
/// The offset comes from a database other programs can write: whatever it holds, a figure shown here
/// (own + offset) is floored at zero, field by field, so no row makes a total, a group or a budget's
/// consumption negative. (The stores already refuse negative amounts; the floor also covers a fleet
/// whose committed figures fell below this instance's own, e.g. rows deleted by hand.)
struct FleetOverlay: Sendable {
    private(set) var isShared = false
    private var series: [LedgerSeries: Totals] = [:]
    /// Groups the fleet knows and this instance does not (yet), in the fleet's order of arrival.
    private var order: [LedgerSeries] = []
    private var budgets: [String: FleetBudget] = [:]
    /// When the last fleet read succeeded (engine clock, Unix nanoseconds); nil before the first.
    private(set) var readAt: UInt64?
    /// Fleet reads that failed or were refused since start (the offset kept its previous value).
    var readFailures = 0

    mutating func enable() { isShared = true }

    mutating func update(fleet: FleetFigures, baseline: FleetBaseline, at now: UInt64) {
        var offsets: [LedgerSeries: Totals] = [:]
        for (key, totals) in fleet.series {
            var offset = totals
            if let own = baseline.series[key] { offset.subtract(own) }
            if !offset.isZero { offsets[key] = offset }
        }
        for (key, own) in baseline.series where fleet.series[key] == nil {
            var offset = Totals()
            offset.subtract(own)
            if !offset.isZero { offsets[key] = offset }
        }
        series = offsets
        order = fleet.order.filter { baseline.series[$0] == nil }
        var budgetOffsets: [String: FleetBudget] = [:]
        for (name, own) in baseline.budgets {
            guard let committed = fleet.budgets[name] else { continue }
            if committed.windowStart == own.windowStart {
                budgetOffsets[name] = FleetBudget(windowStart: own.windowStart, consumed: committed.consumed - own.consumed)
            } else if committed.windowStart > own.windowStart {
                // Others spent in a period this instance has not spent in yet (it began since): all theirs.
                budgetOffsets[name] = committed
            }
        }
        budgets = budgetOffsets
        readAt = now
    }

    /// All spend, fleet-wide.
    func totals(_ own: Totals) -> Totals {
        guard let offset = series[.all] else { return own }
        var totals = own
        totals.add(offset)
        return totals.flooredAtZero
    }

    /// A dimension's groups, fleet-wide: own rows with the others' totals added (rates stay this
    /// instance's own), then groups only other instances have seen, most expensive first.
    func rows(_ own: [GroupRow], dimension: Dimension) -> [GroupRow] {
        guard isShared else { return own }
        var seen = Set<String>()
        var rows = own.map { row in
            seen.insert(row.key)
            var row = row
            if let offset = series[LedgerSeries(dimension: dimension, key: row.key)] {
                row.totals.add(offset)
                row.totals = row.totals.flooredAtZero
            }
            return row
        }
        for key in order where key.dimension == dimension && !seen.contains(key.key) {
            guard let offset = series[key] else { continue }
            rows.append(GroupRow(key: key.key, totals: offset.flooredAtZero, lastMinute: RateSlot(), last5Minutes: RateSlot(),
                                 lastHour: RateSlot(), trend: []))
        }
        return rows.sorted { ($0.totals.cost, $1.key) > ($1.totals.cost, $0.key) }
    }

    /// What other instances consumed of a budget in the period containing `now` (zero for a rolling
    /// budget, which the tracker keeps per instance, and outside a fleet). Never below minus this
    /// instance's own consumption: the budget's consumption (own + offset) is at least zero.
    func budgetOffset(_ tracker: BudgetTracker, now: UInt64) -> Money {
        guard !tracker.definition.period.isRolling, let offset = budgets[tracker.name],
              offset.windowStart == tracker.period(at: now).start else { return .zero }
        return max(offset.consumed, .zero - tracker.consumed(now: now))
    }
}

extension Totals {
    /// Every count and amount at least zero (what the fleet shows: own + offset). The accounting
    /// totals are this instance's own (the shared ledger does not keep them) and stay as they are.
    fileprivate var flooredAtZero: Totals {
        var floored = self
        floored.requests = max(0, requests)
        floored.inputTokens = max(0, inputTokens)
        floored.outputTokens = max(0, outputTokens)
        floored.cachedInputTokens = max(0, cachedInputTokens)
        floored.reasoningTokens = max(0, reasoningTokens)
        floored.reportedCost = max(.zero, reportedCost)
        floored.estimatedCost = max(.zero, estimatedCost)
        floored.unpricedRequests = max(0, unpricedRequests)
        floored.errors = max(0, errors)
        floored.policyViolations = max(0, policyViolations)
        floored.evalFailures = max(0, evalFailures)
        return floored
    }
}
