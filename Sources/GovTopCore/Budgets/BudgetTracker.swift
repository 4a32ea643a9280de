import Foundation

/// Consumption of one configured budget, period by period. A value the engine keeps behind its lock and
/// feeds every attributed cost; it reads no clock of its own.
///
/// Periods roll over exactly at their boundary: spend recorded at or after the period's end starts the
/// next period from zero, and spend recorded before the current period's start belongs to a period
/// that is over and is left out (counted in `lateRecords`). `definition.initialConsumedUSD` counts only
/// in the period that contains the start-up instant. Amounts are exact `Money`; the configured limit
/// and initial consumption are read once, at start-up (outside 0...`ValueBounds.maxBudgetUSD` they
/// count as 0; the configuration loader refuses them first).
public struct BudgetTracker: Sendable {
    public let definition: BudgetDefinition
    public let timeZone: TimeZone
    /// The period the latest recorded spend fell in.
    public private(set) var window: BudgetWindow
    /// Records left out because they fell in a period that was already over.
    public private(set) var lateRecords = 0
    private let calendar: Calendar
    /// The scope as a list in dimension order, checked for every priced span.
    private let scope: [(dimension: Dimension, value: String)]
    private let limit: Money
    private var consumed = Money.zero
    private var burn: BurnRateMeter

    /// - Parameters:
    ///   - timeZone: the zone periods align to (the configuration's, UTC by default).
    ///   - startedAt: the start-up instant in Unix nanoseconds.
    public init(definition: BudgetDefinition, timeZone: TimeZone = .gmt,
                startedAt: UInt64) {
        self.definition = definition
        self.timeZone = timeZone
        self.calendar = BudgetPeriod.calendar(in: timeZone)
        self.scope = definition.scope.map { (dimension: $0.key, value: $0.value) }.sorted { $0.dimension.index < $1.dimension.index }
        self.window = definition.period.window(containing: startedAt, calendar: calendar)
        self.burn = BurnRateMeter(observedSince: startedAt)
        self.limit = Money(usd: definition.limitUSD, limit: ValueBounds.maxBudgetUSD) ?? .zero
        self.consumed = Money(usd: definition.initialConsumedUSD, limit: ValueBounds.maxBudgetUSD) ?? .zero
    }

    public var name: String { definition.name }

    /// Whether spend of a span with these facts and attribution counts against this budget: every
    /// dimension of the scope must match.
    public func covers(_ facts: GovernanceFacts, attribution: Attribution) -> Bool {
        for entry in scope where entry.dimension.value(in: facts, attribution: attribution) != entry.value { return false }
        return true
    }

    /// Adds spend (negative when the engine moves spend to another scope) at an instant.
    ///
    /// Pass the same instant for a move as was passed for the original spend, so both land in the same
    /// period. Returns whether the amount counted in the current period; spend from a period that is over
    /// still counts toward the burn rate. O(1) apart from the calendar lookup once per period.
    @discardableResult
    public mutating func record(_ amount: Money, at instant: UInt64) -> Bool {
        if instant >= window.end {
            window = definition.period.window(containing: instant, calendar: calendar)
            consumed = .zero
        }
        burn.add(amount, at: instant)
        guard instant >= window.start else {
            lateRecords += 1
            return false
        }
        consumed += amount
        return true
    }

    /// Records spend when the budget covers a span with these facts and attribution.
    mutating func record(_ amount: Money, at instant: UInt64, ifCovering facts: GovernanceFacts, attribution: Attribution) {
        if covers(facts, attribution: attribution) { record(amount, at: instant) }
    }

    /// Consumption in the period containing `now`.
    public func consumed(now: UInt64) -> Money {
        now >= window.end ? .zero : consumed
    }

    // ledger (issue 11): the current period's consumption, as the ledger of record keeps it.
    public var periodRecord: BudgetPeriodRecord {
        BudgetPeriodRecord(name: definition.name, period: definition.period.rawValue, window: window, consumed: consumed,
                           burn: burn.recorded)
    }

    // ledger (issue 11): a previous run's consumption counts when it is of the period containing `now`
    // (it already includes the configured initial consumption); a period that is over starts fresh.
    public mutating func restore(_ record: BudgetPeriodRecord, now: UInt64) {
        let current = definition.period.window(containing: now, calendar: calendar)
        if record.name == definition.name { burn.restore(record.burn) }
        guard record.name == definition.name, record.period == definition.period.rawValue, record.window == current else { return }
        window = current
        consumed = record.consumed
    }

    /// The budget's state at `now`. Past the end of the period the last spend fell in, the state is that
    /// of the new, still empty period. An instant before the current period reports the current period.
    public func status(now: UInt64) -> BudgetStatus {
        status(now: now, adding: .zero)
    }

    /// The status with `others` (what other instances of a fleet consumed in the current period) added.
    func status(now: UInt64, adding others: Money) -> BudgetStatus {
        let period = now >= window.end ? definition.period.window(containing: now, calendar: calendar) : window
        let spent = consumed(now: now) + (now >= window.end ? .zero : others)
        let utilization = BudgetMath.utilization(consumed: spent, limit: limit)
        let burnPerHour = burn.usdPerHour(now: now)
        return BudgetStatus(
            name: definition.name, source: definition.source, scope: definition.scope, period: definition.period.rawValue,
            limitUSD: limit.usd, consumedUSD: spent.usd, remainingUSD: max(.zero, limit - spent).usd,
            overageUSD: max(.zero, spent - limit).usd, utilization: utilization, burnUSDPerHour: burnPerHour,
            projectedExhaustion: BudgetMath.exhaustion(now: now, remaining: limit - spent, burnPerHour: burnPerHour,
                                                      deadline: period.end),
            periodStart: period.start, resetsAt: period.end, thresholds: definition.thresholds,
            crossedThresholds: BudgetMath.crossed(definition.thresholds, utilization: utilization),
            level: BudgetLevel.classify(utilization: utilization, thresholds: definition.thresholds),
            action: definition.action)
    }
}
