import Foundation
import GovTopCore
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let nanos: Mutex<UInt64>

    /// 2027-01-15T10:20:00Z: mid-month, mid-day.
    init(nanos: UInt64 = 1_800_008_400 * 1_000_000_000) { self.nanos = Mutex(nanos) }

    func advance(seconds: Double) { nanos.withLock { $0 += UInt64(seconds * 1e9) } }
    func set(_ value: UInt64) { nanos.withLock { $0 = value } }
    var now: UInt64 { nanos.withLock { $0 } }
    var clock: GovClock { GovClock { self.now } }
}

/// A temporary directory removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "govtop-ledger-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// Spans with a team, a model and a reported cost.
enum LedgerSpans {
    static func call(_ id: UInt64, team: String?, cost: Double, model: String = "gpt-4o", input: Int64 = 100, output: Int64 = 20,
                     parent: UInt64 = 0, trace: UInt64? = nil) -> SpanRecord {
        var attributes: [Attribute] = [
            Attribute("gen_ai.request.model", .string(model)),
            Attribute("gen_ai.usage.input_tokens", .int(input)),
            Attribute("gen_ai.usage.output_tokens", .int(output)),
            Attribute("genops.cost.total", .double(cost)),
        ]
        if let team { attributes.append(Attribute("genops.team", .string(team))) }
        let start: UInt64 = 1_700_000_000_000_000_000
        return SpanRecord(traceID: TraceID(high: 1, low: trace ?? id), spanID: SpanID(id), parentSpanID: SpanID(parent), name: "chat",
                          kind: .client, startTimeUnixNano: start, endTimeUnixNano: start + 100_000_000, attributes: attributes)
    }

    static func batch(_ spans: [SpanRecord]) -> TraceBatch {
        TraceBatch(resourceSpans: [ResourceSpans(resource: Resource(attributes: [Attribute("service.name", .string("svc"))]),
                                                 scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "t", version: "1"), spans: spans)])])
    }
}

/// An engine configured like the restart tests need: a daily and a monthly budget with low thresholds.
enum LedgerEngines {
    static let budgets = [
        BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .daily, thresholds: [0.1]),
        BudgetDefinition(name: "everything", limitUSD: 1000, period: .monthly),
    ]

    static func make(_ clock: TestClock) -> Engine {
        Engine(configuration: EngineConfiguration(budgets: budgets), clock: clock.clock)
    }

    /// What a restart must keep, as comparable values.
    struct Visible: Equatable {
        var groups: [[String: String]]
        var budgets: [String]
        var alerts: [Alert]
        var totalCost: Double
        var requests: Int
    }

    static func visible(_ engine: Engine) -> Visible {
        let groups = Dimension.allCases.flatMap { dimension in
            engine.groups(by: dimension).map { ["dimension": dimension.rawValue, "key": $0.key, "totals": "\($0.totals)"] }
        }
        let budgets = engine.budgets().map { "\($0.name) \($0.consumedUSD ?? -1) \($0.periodStart ?? 0) \($0.level)" }
        let summary = engine.summary()
        return Visible(groups: groups, budgets: budgets, alerts: engine.alerts(), totalCost: summary.costUSDTotal,
                       requests: summary.requestsTotal)
    }
}
