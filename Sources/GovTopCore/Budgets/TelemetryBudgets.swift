/// Budgets reported in telemetry (`genops.budget.*`): the latest report per budget name.
///
/// A report replaces the consumed and remaining amounts of the previous one; the limit, period and
/// alert threshold carry over from earlier reports when a later one leaves them out. Missing amounts are
/// derived (limit = consumed + remaining, consumed = limit − remaining, remaining = limit − consumed).
/// Status follows `BudgetLevel.classify` with the reported alert threshold as the only threshold, or
/// the default thresholds without one. At most `maxBudgets` names are kept; reports for further names
/// are left out and counted in `ignoredReports`. Amounts are kept and derived as exact `Money`.
public struct TelemetryBudgets: Sendable {
    /// A report's amounts in `Money`; its thresholds and period as reported.
    private struct Report: Sendable {
        var limit: Money?
        var consumed: Money?
        var remaining: Money?
        var period: String?
        var alertThreshold: Double?
    }

    private struct Entry: Sendable {
        var report: Report
        var reportedAt: UInt64
        var burn = ReportedBurn()
    }

    public static let defaultThresholds: [Double] = [0.5, 0.8, 0.95]
    public let maxBudgets: Int
    /// Reports left out because `maxBudgets` names were already known.
    public private(set) var ignoredReports = 0
    private var entries: [String: Entry] = [:]

    public init(maxBudgets: Int = 1000) {
        self.maxBudgets = max(0, maxBudgets)
    }

    /// Number of budget names known.
    public var count: Int { entries.count }

    /// Takes a report under `name` (the reported name, or one the engine derived, e.g. `team:ml`).
    /// Amounts outside 0...`ValueBounds.maxBudgetUSD` (the normalizer already refuses them) and
    /// thresholds outside (0, 1] count as absent.
    public mutating func record(_ report: BudgetReport, name: String, at instant: UInt64) {
        var incoming = Self.sanitized(report)
        guard var entry = entries[name] else {
            guard entries.count < maxBudgets else {
                ignoredReports += 1
                return
            }
            var entry = Entry(report: incoming, reportedAt: instant)
            if let consumed = Self.derived(incoming).consumed { entry.burn.add(consumed: consumed, at: instant) }
            entries[name] = entry
            return
        }
        incoming.limit = incoming.limit ?? entry.report.limit
        incoming.period = incoming.period ?? entry.report.period
        incoming.alertThreshold = incoming.alertThreshold ?? entry.report.alertThreshold
        entry.report = incoming
        entry.reportedAt = instant
        if let consumed = Self.derived(incoming).consumed { entry.burn.add(consumed: consumed, at: instant) }
        entries[name] = entry
    }

    public func status(named name: String, now: UInt64) -> BudgetStatus? {
        entries[name].map { Self.status(of: $0, name: name, now: now) }
    }

    /// Every telemetry budget, by name.
    public func statuses(now: UInt64) -> [BudgetStatus] {
        entries.sorted { $0.key < $1.key }.map { Self.status(of: $0.value, name: $0.key, now: now) }
    }

    private static func status(of entry: Entry, name: String, now: UInt64) -> BudgetStatus {
        let amounts = derived(entry.report)
        let thresholds = entry.report.alertThreshold.map { [$0] } ?? defaultThresholds
        var status = BudgetStatus(name: name, source: .telemetry, period: entry.report.period,
                                  limitUSD: amounts.limit?.usd, consumedUSD: amounts.consumed?.usd,
                                  thresholds: thresholds, reportedAt: entry.reportedAt)
        let burn = entry.burn.usdPerHour(now: now)
        status.burnUSDPerHour = burn
        if let remaining = amounts.remaining {
            status.remainingUSD = max(.zero, remaining).usd
            status.overageUSD = max(.zero, .zero - remaining).usd
            if let burn {
                status.projectedExhaustion = BudgetMath.exhaustion(now: now, remaining: remaining, burnPerHour: burn,
                                                                   deadline: nil)
            }
        }
        if let limit = amounts.limit, let consumed = amounts.consumed {
            let utilization = BudgetMath.utilization(consumed: consumed, limit: limit)
            status.utilization = utilization
            status.crossedThresholds = BudgetMath.crossed(thresholds, utilization: utilization)
            status.level = BudgetLevel.classify(utilization: utilization, thresholds: thresholds)
        } else if let remaining = amounts.remaining, remaining <= .zero {
            status.level = .exceeded
        }
        return status
    }

    /// The missing amounts worked out from the others; remaining may be negative (an overage).
    private static func derived(_ report: Report) -> (limit: Money?, consumed: Money?, remaining: Money?) {
        var limit = report.limit
        var consumed = report.consumed
        if limit == nil, let consumed, let remaining = report.remaining { limit = consumed + remaining }
        if consumed == nil, let limit, let remaining = report.remaining { consumed = max(.zero, limit - remaining) }
        return (limit, consumed, report.remaining ?? limit.flatMap { limit in consumed.map { limit - $0 } })
    }

    private static func sanitized(_ report: BudgetReport) -> Report {
        func amount(_ value: Double?) -> Money? { value.flatMap { Money(usd: $0, limit: ValueBounds.maxBudgetUSD) } }
        return Report(limit: amount(report.limit), consumed: amount(report.consumed), remaining: amount(report.remaining),
                      period: report.period,
                      alertThreshold: report.alertThreshold.flatMap { $0.isFinite && $0 > 0 && $0 <= 1 ? $0 : nil })
    }
}
