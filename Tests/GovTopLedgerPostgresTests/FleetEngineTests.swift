import Foundation
import GovTopCore
import GovTopLedgerPostgres
import Testing

/// Two engines sharing one PostgreSQL ledger, with the writer's steps taken by hand (drain with a
/// baseline, commit, read the fleet back): each shows fleet-committed figures plus its own pending
/// spend, and nothing counts twice after a commit.
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct FleetEngineTests {
    static let start: UInt64 = 1_700_000_000_000_000_000

    static func batch(_ id: UInt64, team: String, cost: Double) -> TraceBatch {
        let attributes = [
            Attribute("gen_ai.request.model", .string("gpt-4o")), Attribute("gen_ai.usage.input_tokens", .int(100)),
            Attribute("gen_ai.usage.output_tokens", .int(20)), Attribute("genops.cost.total", .double(cost)),
            Attribute("genops.team", .string(team)),
        ]
        let span = SpanRecord(traceID: TraceID(high: 1, low: id), spanID: SpanID(id), parentSpanID: SpanID(0), name: "chat",
                              kind: .client, startTimeUnixNano: start, endTimeUnixNano: start + 100_000_000, attributes: attributes)
        return TraceBatch(resourceSpans: [ResourceSpans(resource: Resource(attributes: []),
                                                        scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "t", version: "1"),
                                                                                spans: [span])])])
    }

    /// One engine with its store, joined to the fleet, and the writer's loop body.
    struct Instance {
        let engine: Engine
        let store: PostgresLedgerStore

        init(_ url: PostgresLedgerURL) throws {
            let clock = GovClock { 1_800_008_400 * 1_000_000_000 }
            engine = Engine(configuration: EngineConfiguration(budgets: [
                BudgetDefinition(name: "fleet", limitUSD: 10, period: .daily, thresholds: [0.5]),
            ]), clock: clock)
            store = try PostgresLedgerStore(url: url, now: 0)
            try engine.restore(from: store, path: url.description)
            engine.joinFleet()
        }

        func writerStep() throws {
            let (commit, baseline) = engine.drainLedgerForFleet(pricingID: "p")
            try store.commit(commit)
            engine.applyFleet(try store.fleetFigures(), baseline: baseline)
        }

        var cost: Money { Money(nanos: Int128((engine.summary().costUSDTotal * 1e9).rounded())) }
        func team(_ key: String) -> Money? { engine.groups(by: .team).first { $0.key == key }?.totals.cost }
        var budget: Double? { engine.budgets().first { $0.name == "fleet" }?.consumedUSD }
    }

    @Test func eachInstanceShowsFleetCommittedPlusItsOwnPendingSpendOnce() throws {
        let server = try PostgresTestServer.shared.get()
        var url = try server.makeDatabase(instance: "a")
        let a = try Instance(url)
        url.instance = "b"
        let b = try Instance(url)

        a.engine.ingest(Self.batch(1, team: "ml", cost: 0.75))
        a.engine.ingest(Self.batch(2, team: "ml", cost: 0.75))
        b.engine.ingest(Self.batch(3, team: "web", cost: 2))
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
        a.engine.ingest(Self.batch(4, team: "ml", cost: 1))
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
        b.engine.ingest(Self.batch(5, team: "web", cost: 0.5))
        #expect(b.cost == Money(nanos: 5_000_000_000))

        // A restarted instance restores the fleet's figures and goes on adding its own.
        url.instance = "a"
        let restarted = try Instance(url)
        #expect(restarted.cost == Money(nanos: 4_500_000_000))
        #expect(restarted.budget == 4.5)
        restarted.engine.ingest(Self.batch(6, team: "ml", cost: 0.25))
        try restarted.writerStep()
        try b.writerStep()
        try restarted.writerStep()
        #expect(restarted.cost == Money(nanos: 5_250_000_000))
        #expect(b.cost == Money(nanos: 5_250_000_000))
        #expect(b.budget == 5.25)
    }
}
