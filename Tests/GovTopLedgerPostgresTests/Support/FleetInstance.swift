import Foundation
import GovTopCore
import GovTopLedgerPostgres
import Synchronization

/// One govtop of a fleet in a test: an engine with its own store on the shared database, restored
/// and joined to the fleet, and the ledger writer's loop body taken by hand (drain with a baseline,
/// commit, read the fleet back), so a test decides exactly when each instance commits and reads.
struct FleetInstance {
    /// Noon of a day in 2027, for tests whose budgets must not roll over during the test.
    static let noon: UInt64 = 1_800_008_400 * 1_000_000_000

    let engine: Engine
    let store: PostgresLedgerStore

    init(_ url: PostgresLedgerURL, budgets: [BudgetDefinition], clock: GovClock = GovClock { FleetInstance.noon }) throws {
        engine = Engine(configuration: EngineConfiguration(budgets: budgets), clock: clock)
        store = try PostgresLedgerStore(url: url, now: 0)
        try engine.restore(from: store, path: url.description)
        engine.joinFleet()
    }

    func writerStep() throws {
        let (commit, baseline) = engine.drainLedgerForFleet(pricingID: "p")
        try store.commit(commit)
        engine.applyFleet(try store.fleetFigures(), baseline: baseline)
    }

    /// One gpt-4o span (100 input and 20 output tokens) reporting `cost` dollars for `team`.
    static func batch(_ id: UInt64, team: String, cost: Double) -> TraceBatch {
        let start: UInt64 = 1_700_000_000_000_000_000
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
}

/// A clock tests move by hand.
final class MovableClock: Sendable {
    private let nanos: Mutex<UInt64>

    init(_ start: UInt64) { nanos = Mutex(start) }

    var clock: GovClock { GovClock { [self] in nanos.withLock { $0 } } }

    func advance(by delta: UInt64) { nanos.withLock { $0 += delta } }
}
