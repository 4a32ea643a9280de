import Testing
@testable import GovTopCore

/// fleet (issue 16): the overlay adds what a shared database says the other instances committed to
/// this instance's own figures. The database is input: whatever it holds, no total, group row or
/// budget consumption shown comes out negative (nor `-0`).
@Suite struct FleetOverlayTests {
    private static let t0 = EffectFactory.t0

    private static func totals(requests: Int, usd: Double, tokens: Int128 = 0) -> Totals {
        var totals = Totals()
        totals.requests = requests
        totals.errors = requests
        totals.inputTokens = tokens
        totals.outputTokens = tokens
        totals.reportedCost = .dollars(usd)
        totals.estimatedCost = .dollars(usd)
        return totals
    }

    private static func row(_ key: String, _ totals: Totals) -> GroupRow {
        GroupRow(key: key, totals: totals, lastMinute: RateSlot(), last5Minutes: RateSlot(), lastHour: RateSlot(), trend: [])
    }

    /// An overlay whose fleet read is `fleet` for an instance that had counted `own` (every series).
    private static func overlay(own: [LedgerSeries: Totals], fleet: [LedgerSeries: Totals], order: [LedgerSeries] = [],
                                budgets: [String: FleetBudget] = [:], ownBudgets: [String: FleetBudget] = [:]) -> FleetOverlay {
        var overlay = FleetOverlay()
        overlay.enable()
        overlay.update(fleet: FleetFigures(series: fleet, order: order, budgets: budgets),
                       baseline: FleetBaseline(series: own, budgets: ownBudgets), at: t0)
        return overlay
    }

    private static func isNonNegative(_ totals: Totals) -> Bool {
        totals.requests >= 0 && totals.inputTokens >= 0 && totals.outputTokens >= 0 && totals.cachedInputTokens >= 0
            && totals.reasoningTokens >= 0 && totals.reportedCost >= .zero && totals.estimatedCost >= .zero
            && totals.unpricedRequests >= 0 && totals.errors >= 0 && totals.policyViolations >= 0 && totals.evalFailures >= 0
    }

    @Test func aFleetFigureBelowZeroOrBelowThisInstancesOwnFloorsTheSumAtZero() {
        let ml = LedgerSeries(dimension: .team, key: "ml")
        let evil = LedgerSeries(dimension: .team, key: "evil")
        let own = Self.totals(requests: 2, usd: 1, tokens: 10)
        // As if a store had let them through: the fleet's figures below zero, and below this instance's own.
        let overlay = Self.overlay(own: [.all: own, ml: own],
                                   fleet: [.all: Self.totals(requests: -5, usd: -4, tokens: -40), ml: Self.totals(requests: 1, usd: -3),
                                           evil: Self.totals(requests: -1, usd: -7)],
                                   order: [ml, evil])

        let total = overlay.totals(own)
        #expect(Self.isNonNegative(total))
        #expect(total == Totals())
        #expect(total.costUSD == 0 && total.costUSD.sign == .plus)

        let rows = overlay.rows([Self.row("ml", own)], dimension: .team)
        #expect(rows.map(\.key).sorted() == ["evil", "ml"])
        #expect(rows.allSatisfy { Self.isNonNegative($0.totals) })
        let mlRow = rows.first { $0.key == "ml" }?.totals
        #expect(mlRow?.requests == 1, "a field the fleet keeps above zero is the fleet's")
        #expect(mlRow?.cost == .zero)
        #expect(rows.first { $0.key == "evil" }?.totals == Totals())
    }

    @Test func honestFiguresAreNotChangedByTheFloor() {
        let ml = LedgerSeries(dimension: .team, key: "ml")
        let web = LedgerSeries(dimension: .team, key: "web")
        let own = Self.totals(requests: 2, usd: 1)
        let overlay = Self.overlay(own: [.all: own, ml: own],
                                   fleet: [.all: Self.totals(requests: 5, usd: 4), ml: own, web: Self.totals(requests: 3, usd: 3)],
                                   order: [ml, web])
        // This instance counted one more request since its baseline: own now + others' committed.
        let now = Self.totals(requests: 3, usd: 2)
        #expect(overlay.totals(now) == Self.totals(requests: 6, usd: 5))
        let rows = overlay.rows([Self.row("ml", now)], dimension: .team)
        #expect(rows.map(\.key) == ["web", "ml"])
        #expect(rows.map(\.totals) == [Self.totals(requests: 3, usd: 3), now])
    }

    @Test(arguments: [-5.0, -1.0, -0.5]) func aBudgetsFleetConsumptionBelowZeroLeavesItsConsumptionAtZeroOrMore(fleetUSD: Double) {
        let definition = BudgetDefinition(name: "cap", limitUSD: 3, period: .daily, thresholds: [0.5], action: .block)
        var book = BudgetBook([definition], timeZone: .gmt, startedAt: Self.t0)
        book.apply([EffectFactory.request(team: "ml", usd: 1, at: Self.t0)])
        let record = book.trackers[0].periodRecord
        let overlay = Self.overlay(own: [:], fleet: [:],
                                   budgets: ["cap": FleetBudget(windowStart: record.window.start, consumed: .dollars(fleetUSD))],
                                   ownBudgets: ["cap": FleetBudget(windowStart: record.window.start, consumed: record.consumed)])
        let status = book.statuses(now: Self.t0, fleet: overlay)[0]
        #expect(status.consumedUSD == 0 && status.consumedUSD?.sign == .plus)
        #expect(status.utilization == 0 && status.utilization?.sign == .plus)
        #expect(status.overageUSD == 0)
        #expect(status.remainingUSD == 3)
        let offset = overlay.budgetOffset(book.trackers[0], now: Self.t0)
        #expect(book.trackers[0].consumed(now: Self.t0) + offset == .zero)
        #expect(book.decisionTable(now: Self.t0, fleet: overlay).entries.isEmpty)
    }
}
