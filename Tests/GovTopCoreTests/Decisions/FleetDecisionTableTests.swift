import Testing
@testable import GovTopCore

/// fleet (issue 16): the decision table counts other instances' spend in a calendar budget (the
/// `FleetOverlay` a fleet read leaves), in the period containing now; a rolling budget stays its own.
@Suite struct FleetDecisionTableTests {
    private static let t0 = EffectFactory.t0
    private static let day: UInt64 = 86_400_000_000_000

    private static let definitions = [
        BudgetDefinition(name: "cap", scope: [.team: "ml"], limitUSD: 3, period: .daily, thresholds: [0.5], action: .block),
        BudgetDefinition(name: "roll", scope: [.team: "ml"], limitUSD: 3, period: .rolling(seconds: 86_400), thresholds: [0.5],
                         action: .block),
    ]

    /// A book with `usd` of this instance's spend at `time`, and the overlay of a fleet read in which
    /// every budget had `fleetUSD` committed in the period starting at `fleetWindowStart`.
    private static func fleet(own usd: Double, at time: UInt64 = t0, fleetUSD: Double,
                              fleetWindowStart: (BudgetTracker) -> UInt64) -> (BudgetBook, FleetOverlay) {
        var book = BudgetBook(definitions, timeZone: .gmt, startedAt: t0)
        book.apply([EffectFactory.request(team: "ml", usd: usd, at: time)])
        var baseline = FleetBaseline()
        var figures = FleetFigures()
        for tracker in book.trackers {
            let record = tracker.periodRecord
            baseline.budgets[record.name] = FleetBudget(windowStart: record.window.start, consumed: record.consumed)
            figures.budgets[record.name] = FleetBudget(windowStart: fleetWindowStart(tracker), consumed: .dollars(fleetUSD))
        }
        var overlay = FleetOverlay()
        overlay.enable()
        overlay.update(fleet: figures, baseline: baseline, at: time)
        return (book, overlay)
    }

    @Test func aCalendarBlockBudgetRefusesOnTheFleetsSpendNotItsOwn() {
        // $2 here, $4 committed by the fleet (this instance's $2 among them).
        let (book, overlay) = Self.fleet(own: 2, fleetUSD: 4) { $0.window.start }
        let ml = DecisionScope([.team: "ml"])
        #expect(book.decisionTable(now: Self.t0).decide(ml, now: Self.t0).allows)
        let decision = book.decisionTable(now: Self.t0, fleet: overlay).decide(ml, now: Self.t0)
        #expect(decision.denial?.name == "cap")
        #expect(decision.denial?.consumed == .dollars(4))
        // The same figure as the budget's status.
        #expect(book.statuses(now: Self.t0, fleet: overlay).first?.consumedUSD == 4)
        // The rolling budget counts its own $2 only: a warning past 50%, no refusal.
        #expect(decision.warnings.map(\.name) == ["roll"])
        #expect(decision.warnings.first?.consumed == .dollars(2))
    }

    @Test func othersSpendInAPeriodThisInstanceHasNotSpentInYetCounts() {
        // This instance spent yesterday; the fleet's latest period is today's.
        let (book, overlay) = Self.fleet(own: 1, at: Self.t0, fleetUSD: 3.5) { $0.period(at: Self.t0 + Self.day).start }
        let tomorrow = Self.t0 + Self.day
        let decision = book.decisionTable(now: tomorrow, fleet: overlay).decide(DecisionScope([.team: "ml"]), now: tomorrow)
        #expect(decision.denial?.name == "cap")
        #expect(decision.denial?.consumed == .dollars(3.5))
        #expect(decision.denial?.until == book.trackers[0].period(at: tomorrow).end)
        // Yesterday, the fleet's figure for today does not count.
        #expect(book.decisionTable(now: Self.t0, fleet: overlay).decide(DecisionScope([.team: "ml"]), now: Self.t0).denial == nil)
    }
}
