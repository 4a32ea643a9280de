import Foundation

/// Consumption of one configured budget, period by period. A value the engine keeps behind its lock and
/// feeds every attributed cost; it reads no clock of its own.
///
/// A rolling period (`24h`, `7d`) keeps its spend in `RollingSpend` and never starts afresh: spend
/// leaves the window as it ages. The rest of this note is about calendar periods.
///
/// Periods roll over exactly at their boundary: spend recorded at or after the period's end starts the
/// next period from zero, and spend recorded before the current period's start belongs to a period
/// that is over and is left out (counted in `lateRecords`). `definition.initialConsumedUSD` counts only
/// in the period that contains the start-up instant. Amounts are exact `Money`; the configured limit
/// and initial consumption are read once, at start-up (outside 0...`ValueBounds.maxBudgetUSD` they
/// count as 0; the configuration loader refuses them first).
public struct BudgetTracker: Sendable {
    public let definition: BudgetDefinition
    /// The zone calendar periods align to: the definition's, else the engine's.
    public let timeZone: TimeZone
    /// The period the latest recorded spend fell in (calendar periods; for a rolling period, [0, 0)).
    public private(set) var window: BudgetWindow
    /// Records left out because they fell in a period that was already over.
    public private(set) var lateRecords = 0
    private let calendar: Calendar
    /// The scope as a list in dimension order, checked for every priced span.
    private let scope: [(dimension: Dimension, value: String)]
    private let limit: Money
    /// decide (issue 15): consumption below this is under the lowest threshold and the limit by a
    /// margin far above the rounding of `BudgetMath.utilization`, so `decisionEntry` knows it has
    /// none without dividing (it runs for every budget after every batch). 0 when nothing is quiet.
    private let quietBelow: Money
    private var consumed = Money.zero
    private var burn: BurnRateMeter
    /// The spend of a rolling period; nil for calendar periods.
    private var rolling: RollingSpend?

    /// - Parameters:
    ///   - timeZone: the zone periods align to (the configuration's, UTC by default).
    ///   - startedAt: the start-up instant in Unix nanoseconds.
    public init(definition: BudgetDefinition, timeZone: TimeZone = .gmt,
                startedAt: UInt64) {
        self.definition = definition
        let zone = definition.timeZone ?? timeZone
        self.timeZone = zone
        self.calendar = BudgetPeriod.calendar(in: zone)
        self.scope = definition.scope.map { (dimension: $0.key, value: $0.value) }.sorted { $0.dimension.index < $1.dimension.index }
        self.burn = BurnRateMeter(observedSince: startedAt)
        self.limit = Money(usd: definition.limitUSD, limit: ValueBounds.maxBudgetUSD) ?? .zero
        self.quietBelow = Self.quietBelow(limit: limit, thresholds: definition.thresholds)
        let initial = Money(usd: definition.initialConsumedUSD, limit: ValueBounds.maxBudgetUSD) ?? .zero
        if let length = definition.period.rollingNanos {
            var spend = RollingSpend(length: length)
            if !initial.isZero { spend.add(initial, at: startedAt) }
            self.rolling = spend
            self.window = BudgetWindow(start: 0, end: 0)
        } else {
            self.consumed = initial
            self.window = definition.period.window(containing: startedAt, calendar: calendar, resetAt: definition.resetAt)
        }
    }

    /// The budget's limit, exact.
    public var limitAmount: Money { limit }

    /// The calendar period containing `instant`.
    private func calendarWindow(containing instant: UInt64) -> BudgetWindow {
        definition.period.window(containing: instant, calendar: calendar, resetAt: definition.resetAt)
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
        if rolling != nil {
            rolling?.add(amount, at: instant)
            burn.add(amount, at: instant)
            return true
        }
        if instant >= window.end {
            window = calendarWindow(containing: instant)
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

    /// The calendar period containing `now` (from this instance's latest spend on, the period that
    /// spend fell in); [0, 0) for a rolling period. fleet (issue 16): other instances' consumption is
    /// looked up for this period, so one that spent nothing since the period began still sees theirs.
    func period(at now: UInt64) -> BudgetWindow {
        guard rolling == nil else { return window }
        return now >= window.end ? calendarWindow(containing: now) : window
    }

    /// Consumption in the period containing `now`.
    public func consumed(now: UInt64) -> Money {
        if let rolling { return rolling.consumed(now: now) }
        return now >= window.end ? .zero : consumed
    }

    // ledger (issue 11): the current period's consumption, as the ledger of record keeps it.
    public var periodRecord: BudgetPeriodRecord {
        guard let rolling else {
            return BudgetPeriodRecord(name: definition.name, period: definition.period.rawValue, window: window, consumed: consumed,
                                      burn: burn.recorded)
        }
        let recorded = rolling.recorded
        return BudgetPeriodRecord(name: definition.name, period: definition.period.rawValue, window: window,
                                  consumed: recorded.slices.reduce(.zero) { $0 + $1.amount }, burn: burn.recorded, rolling: recorded)
    }

    // ledger (issue 11): a previous run's consumption counts when it is of the period containing `now`
    // (it already includes the configured initial consumption); a period that is over starts fresh.
    // decide (issue 15): a rolling period takes back the previous run's slices (those still in the window).
    public mutating func restore(_ record: BudgetPeriodRecord, now: UInt64) {
        if record.name == definition.name { burn.restore(record.burn) }
        if rolling != nil {
            guard record.name == definition.name, record.period == definition.period.rawValue, let slices = record.rolling else { return }
            rolling?.restore(slices)
            return
        }
        let current = calendarWindow(containing: now)
        guard record.name == definition.name, record.period == definition.period.rawValue, record.window == current else { return }
        window = current
        consumed = record.consumed
    }

    /// The budget's state at `now`. Past the end of the period the last spend fell in, the state is that
    /// of the new, still empty period. An instant before the current period reports the current period.
    public func status(now: UInt64) -> BudgetStatus {
        status(now: now, adding: .zero)
    }

    /// The status with `others` (what other instances of a fleet consumed in the period containing
    /// `now`, `period(at:)`) added. A rolling budget counts this instance's spend only: the fleet's
    /// ledger keeps calendar periods.
    func status(now: UInt64, adding others: Money) -> BudgetStatus {
        if let rolling { return rollingStatus(rolling, now: now) }
        let period = period(at: now)
        let spent = consumed(now: now) + others
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

extension BudgetTracker {
    /// Whether consumption at this amount has used the budget up (utilization ≥ 1).
    func isExhausted(_ consumed: Money) -> Bool {
        BudgetMath.utilization(consumed: consumed, limit: limit) >= 1
    }

    /// A rolling budget's state: its window is the trailing span before `now`; it "resets" (comes
    /// back under its limit) as spend leaves the window, so `resetsAt` is when an exhausted budget is
    /// under its limit again, and otherwise when the oldest spend in it leaves (nil: none in it).
    private func rollingStatus(_ rolling: RollingSpend, now: UInt64) -> BudgetStatus {
        let spent = rolling.consumed(now: now)
        let utilization = BudgetMath.utilization(consumed: spent, limit: limit)
        let burnPerHour = burn.usdPerHour(now: now)
        let resetsAt = rolling.firstInstant(now: now, whereNot: isExhausted) ?? rolling.nextDeparture(now: now)
        return BudgetStatus(
            name: definition.name, source: definition.source, scope: definition.scope, period: definition.period.rawValue,
            limitUSD: limit.usd, consumedUSD: spent.usd, remainingUSD: max(.zero, limit - spent).usd,
            overageUSD: max(.zero, spent - limit).usd, utilization: utilization, burnUSDPerHour: burnPerHour,
            projectedExhaustion: BudgetMath.exhaustion(now: now, remaining: limit - spent, burnPerHour: burnPerHour, deadline: nil),
            periodStart: now > rolling.length ? now - rolling.length : 0, resetsAt: resetsAt, thresholds: definition.thresholds,
            crossedThresholds: BudgetMath.crossed(definition.thresholds, utilization: utilization),
            level: BudgetLevel.classify(utilization: utilization, thresholds: definition.thresholds),
            action: definition.action)
    }

    /// The consumption below which a budget neither refuses nor warns: the lowest threshold (or the
    /// limit, if lower) of the limit, less one part in a million, rounded down; 0 for a limit of 0
    /// or a threshold of 0 or below (then every consumption is checked the exact way).
    static func quietBelow(limit: Money, thresholds: [Double]) -> Money {
        let lowest = min(1, thresholds.min() ?? 1)
        guard limit > .zero, lowest > 0 else { return .zero }
        let bound = (Double(limit.nanos) * lowest * (1 - 1e-6)).rounded(.down)
        return bound.isFinite && bound > 0 ? Money(nanos: Int128(bound)) : .zero
    }

    /// decide (issue 15): what the decision endpoint needs of this budget at `now`: nil when it
    /// neither refuses nor warns (a `log` budget, or one below its lowest threshold).
    /// fleet (issue 16): `others` is what other instances consumed in `period(at: now)`; a rolling
    /// budget ignores it (its spend is this instance's own).
    func decisionEntry(now: UInt64, adding others: Money = .zero) -> DecisionEntry? {
        guard definition.action != .log else { return nil }
        let spent = consumed(now: now) + (rolling == nil ? others : .zero)
        guard spent >= quietBelow else { return nil }
        let utilization = BudgetMath.utilization(consumed: spent, limit: limit)
        let denies = definition.action == .block && utilization >= 1
        let crossed = BudgetMath.crossed(definition.thresholds, utilization: utilization)
        guard denies || !crossed.isEmpty || utilization >= 1 else { return nil }
        // Until when the entry holds without further spend: the budget is under its limit again
        // (a denial), or under the lowest threshold it crossed (a warning).
        let until: UInt64?
        if let rolling {
            let floor = crossed.first ?? 1
            until = rolling.firstInstant(now: now) { denies ? self.isExhausted($0) : BudgetMath.utilization(consumed: $0, limit: self.limit) >= floor }
        } else {
            let period = period(at: now)
            until = period.end > now ? period.end : nil
        }
        guard let until else { return nil }
        return DecisionEntry(name: definition.name, scope: scope.map { ($0.dimension, $0.value) }, action: definition.action,
                             denies: denies, limit: limit, consumed: spent, utilization: utilization,
                             threshold: crossed.last, period: definition.period.rawValue, until: until)
    }
}
