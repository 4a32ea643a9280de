import GovTopCore
import SwiftProtobuf

/// Decode + ingest of 512-span batches into a long-lived engine (steady state, evicting), with the
/// governance engine off (decode, normalize, store, exact totals) and on (adding pricing, groups
/// and rates per dimension, in-trace attribution moves, budgets, local policies, alerts). Half the
/// spans report their cost; the other half carry only tokens, so the engine prices them from its table.
struct IngestBenchmark: BenchmarkSection {
    let name = "ingest"
    var spanCount = 512
    var batches = 64

    func run(timer: BenchmarkTimer) -> [BenchmarkRow] {
        let payloads: [[UInt8]] = (0..<batches).map { index in
            let request = GenAIBatchFixture.request(spanCount: spanCount, seed: 0xBA7C_4000 + UInt64(index),
                                                    onlyGatewayReportsCost: true)
            guard let bytes = try? request.serializedBytes() as [UInt8] else { fatalError("cannot serialize batch \(index)") }
            return bytes
        }
        let bytes = payloads[0].count
        let off = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 100_000), governance: false))
        let on = Engine(configuration: Self.governed)
        let screened = Engine(configuration: Self.governed)
        var next = [0, 0, 0]
        func ingest(_ engine: Engine, _ slot: Int, bodyScreen: Bool = true) {
            let payload = payloads[next[slot] % payloads.count]
            next[slot] += 1
            guard let batch = try? OTLPProtobufDecoder.decodeTraces(payload) else { fatalError("decode failed") }
            // As the receiver does for protobuf: the body lets the policy screen skip a batch with no
            // sensitive text. Without it (JSON bodies, or a batch where a literal occurs) every span is screened.
            blackHole(bodyScreen ? payload.withUnsafeBytes { engine.ingest(batch, verbatimSource: $0) } : engine.ingest(batch))
        }
        let measurements = timer.measure([
            { ingest(off, 0) }, { ingest(on, 1) }, { ingest(screened, 2, bodyScreen: false) }, { on.tick() },
        ])
        let baseline = "decode + normalize + store (governance off)"
        return [
            BenchmarkRow(section: name, label: baseline, bytes: bytes, items: spanCount, itemUnit: "spans",
                         measurement: measurements[0], baseline: nil),
            BenchmarkRow(section: name, label: "... + governance engine on", bytes: bytes, items: spanCount,
                         itemUnit: "spans", measurement: measurements[1], baseline: baseline),
            BenchmarkRow(section: name, label: "... on, every span screened (no body screen)", bytes: bytes, items: spanCount,
                         itemUnit: "spans", measurement: measurements[2], baseline: baseline),
            BenchmarkRow(section: name, label: "engine tick (budgets, alerts)", bytes: 0, items: 1, itemUnit: "ticks",
                         measurement: measurements[3], baseline: nil),
        ]
    }

    /// Budgets for every team of the fixture plus an org-wide one, and a PII pattern rule.
    static var governed: EngineConfiguration {
        let teams = ["ml-platform", "search-quality", "customer-support", "growth-experiments"]
        var budgets = teams.map { BudgetDefinition(scope: [.team: $0], limitUSD: 1_000_000, period: .daily) }
        budgets.append(BudgetDefinition(limitUSD: 10_000_000, period: .monthly))
        return EngineConfiguration(
            store: StoreLimits(maxSpans: 100_000), budgets: budgets,
            policies: [PolicyRule(name: "pii-detection", check: .pattern(".*SSN.*|.*credit_card.*", keys: nil), action: .redact)]
        )
    }
}
