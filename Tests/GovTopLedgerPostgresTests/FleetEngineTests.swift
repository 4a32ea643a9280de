import Foundation
import GovTopCore
import GovTopLedgerPostgres
import Testing

/// Two engines sharing one PostgreSQL ledger, with the writer's steps taken by hand (drain with a
/// baseline, commit, read the fleet back): each shows fleet-committed figures plus its own pending
/// spend, and nothing counts twice after a commit.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct FleetEngineTests {
    static func instance(_ url: PostgresLedgerURL) throws -> FleetInstance {
        try FleetInstance(url, budgets: [BudgetDefinition(name: "fleet", limitUSD: 10, period: .daily, thresholds: [0.5])])
    }

    @Test func eachInstanceShowsFleetCommittedPlusItsOwnPendingSpendOnce() throws {
        let server = try PostgresTestServer.shared.get()
        let (a, b, url) = try server.twoInstances { try Self.instance($0) }

        a.engine.ingest(FleetInstance.batch(1, team: "ml", cost: 0.75))
        a.engine.ingest(FleetInstance.batch(2, team: "ml", cost: 0.75))
        b.engine.ingest(FleetInstance.batch(3, team: "web", cost: 2))
        try a.writerStep()
        try b.writerStep()
        try a.writerStep() // a reads b's commit
        for instance in [a, b] {
            #expect(instance.cost == Money(nanos: 3_500_000_000))
            #expect(instance.engine.summary().requestsTotal == 3)
            #expect(instance.team("ml") == Money(nanos: 1_500_000_000))
            #expect(instance.team("web") == Money(nanos: 2_000_000_000))
            #expect(instance.budget == 3.5)
        }

        // Pending spend shows at once on its own instance, and once only after its commit.
        a.engine.ingest(FleetInstance.batch(4, team: "ml", cost: 1))
        #expect(a.cost == Money(nanos: 4_500_000_000))
        #expect(b.cost == Money(nanos: 3_500_000_000))
        try a.writerStep()
        #expect(a.cost == Money(nanos: 4_500_000_000))
        #expect(a.budget == 4.5)
        try b.writerStep()
        #expect(b.cost == Money(nanos: 4_500_000_000))
        #expect(b.team("ml") == Money(nanos: 2_500_000_000))
        #expect(b.budget == 4.5)

        // Spend not committed yet shows on its own instance only.
        b.engine.ingest(FleetInstance.batch(5, team: "web", cost: 0.5))
        #expect(b.cost == Money(nanos: 5_000_000_000))

        // A restarted instance restores the fleet's figures and goes on adding its own.
        let restarted = try Self.instance(url)
        #expect(restarted.cost == Money(nanos: 4_500_000_000))
        #expect(restarted.budget == 4.5)
        restarted.engine.ingest(FleetInstance.batch(6, team: "ml", cost: 0.25))
        try restarted.writerStep()
        try b.writerStep()
        try restarted.writerStep()
        #expect(restarted.cost == Money(nanos: 5_250_000_000))
        #expect(b.cost == Money(nanos: 5_250_000_000))
        #expect(b.budget == 5.25)
    }
}

extension FleetInstance {
    fileprivate var cost: Money { Money(nanos: Int128((engine.summary().costUSDTotal * 1e9).rounded())) }
    fileprivate func team(_ key: String) -> Money? { engine.groups(by: .team).first { $0.key == key }?.totals.cost }
    fileprivate var budget: Double? { engine.budgets().first { $0.name == "fleet" }?.consumedUSD }
}
