import Foundation
import GovTopCore
import GovTopLedgerPostgres
import Testing

/// The decision endpoint's table in a fleet (issue 16): a calendar `block` budget refuses on every
/// instance once the fleet's spend (committed by all, plus this instance's pending) reaches its limit,
/// as soon as the fleet figures arrive; a rolling budget stays each instance's own.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct FleetDecisionTests {
    static func instance(_ url: PostgresLedgerURL, clock: GovClock = GovClock { FleetInstance.noon }) throws -> FleetInstance {
        try FleetInstance(url, budgets: [
            BudgetDefinition(name: "cap", scope: [.team: "ml"], limitUSD: 3, period: .daily, thresholds: [0.5], action: .block),
            BudgetDefinition(name: "roll", scope: [.team: "ml"], limitUSD: 3, period: .rolling(seconds: 86_400), thresholds: [],
                             action: .block),
        ], clock: clock)
    }

    @Test func aBlockBudgetExhaustedByTheFleetSumRefusesOnEveryInstance() throws {
        let server = try PostgresTestServer.shared.get()
        let (a, b, _) = try server.twoInstances { try Self.instance($0) }

        // $2 on each instance: neither alone reaches the $3 limit.
        a.engine.ingest(FleetInstance.batch(1, team: "ml", cost: 2))
        b.engine.ingest(FleetInstance.batch(2, team: "ml", cost: 2))
        #expect(a.ml.allows && b.ml.allows)
        #expect(a.entry("cap")?.consumed == Money(nanos: 2_000_000_000))

        try a.writerStep()
        #expect(a.ml.allows, "a has read only its own commit")
        // b's step commits its $2 and reads a's: the table is republished with the fleet's $4.
        try b.writerStep()
        #expect(b.ml.denial?.name == "cap")
        #expect(b.entry("cap")?.consumed == Money(nanos: 4_000_000_000))
        // a has nothing new to commit; the fleet read alone republishes its table.
        try a.writerStep()
        #expect(a.ml.denial?.name == "cap")
        #expect(a.entry("cap")?.consumed == Money(nanos: 4_000_000_000))
        // The same figure as /api/v1/budgets shows.
        for instance in [a, b] {
            #expect(instance.engine.budgets().first { $0.name == "cap" }?.consumedUSD == 4)
        }

        // The rolling budget is each instance's own: $2 of $3 each, so it neither refuses nor warns.
        #expect(a.entry("roll") == nil && b.entry("roll") == nil)
        // Other teams are not covered.
        #expect(a.engine.decide(DecisionScope([.team: "web"])).allows)
    }

    @Test func anInstanceWithNoSpendInANewPeriodStillSeesTheOthersSpendInIt() throws {
        let server = try PostgresTestServer.shared.get()
        let clock = MovableClock(FleetInstance.noon)
        let (a, b, _) = try server.twoInstances { try Self.instance($0, clock: clock.clock) }
        a.engine.ingest(FleetInstance.batch(1, team: "ml", cost: 1))
        try a.writerStep()
        try b.writerStep()

        // The next day: only b spends, past the limit; a's own period is still yesterday's.
        clock.advance(by: 86_400 * 1_000_000_000)
        b.engine.ingest(FleetInstance.batch(2, team: "ml", cost: 3.5))
        try b.writerStep()
        try a.writerStep()
        #expect(a.ml.denial?.name == "cap")
        #expect(a.entry("cap")?.consumed == Money(nanos: 3_500_000_000))
        #expect(a.engine.budgets().first { $0.name == "cap" }?.consumedUSD == 3.5)
    }
}

extension FleetInstance {
    fileprivate var ml: Decision { engine.decide(DecisionScope([.team: "ml"])) }
    fileprivate func entry(_ name: String) -> DecisionEntry? { engine.decisionTable().entries.first { $0.name == name } }
}
