import Foundation
import GovTopCore
@testable import GovTopLedgerSQLite
import Testing

/// decide (issue 15): a rolling budget's window survives a restart through each store, slice by
/// slice, so spend still inside the window keeps counting and spend that left it while govtop was
/// stopped does not; and the refusal it causes comes back with it.
@Suite struct RollingBudgetRestartTests {
    private static let budgets = [
        BudgetDefinition(scope: [.team: "ml"], limitUSD: 1, period: .rolling(seconds: 3600), action: .block),
    ]

    private static func engine(_ clock: TestClock) -> Engine {
        Engine(configuration: EngineConfiguration(budgets: budgets), clock: clock.clock)
    }

    @Test(arguments: LedgerRestartTests.Kind.allCases)
    func aRollingWindowComesBackSliceBySlice(_ kind: LedgerRestartTests.Kind) throws {
        let stores = LedgerRestartTests.Stores(kind)
        let clock = TestClock()
        let first = Self.engine(clock)
        try first.restore(from: try stores.open(), path: "test")
        first.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 0.75)]))
        clock.advance(seconds: 1800)
        first.ingest(LedgerSpans.batch([LedgerSpans.call(2, team: "ml", cost: 0.5)]))
        #expect(first.decide(DecisionScope([.team: "ml"])).denial != nil)
        try stores.open().commit(first.drainLedger(pricingID: "p1"))
        // A second commit of the same budget replaces its row: one row per rolling budget.
        try stores.open().commit(first.drainLedger(pricingID: "p1"))
        if kind == .sqlite {
            let rows = try SQLiteInspection.rows(stores.directory.file("ledger.sqlite"), "SELECT COUNT(*) FROM budget_periods")
            #expect(rows == [["1"]])
        }

        clock.advance(seconds: 60)
        let second = Self.engine(clock)
        try second.restore(from: try stores.open(), path: "test")
        #expect(second.budgets().first?.consumedUSD == 1.25)
        #expect(second.decide(DecisionScope([.team: "ml"])).denial?.name == "team:ml")

        // An hour after the first spend (plus a slice), only the later 0.50 is left: allowed again.
        clock.advance(seconds: 1800)
        let third = Self.engine(clock)
        try third.restore(from: try stores.open(), path: "test")
        #expect(third.budgets().first?.consumedUSD == 0.5)
        #expect(third.decide(DecisionScope([.team: "ml"])).allows)
    }
}
