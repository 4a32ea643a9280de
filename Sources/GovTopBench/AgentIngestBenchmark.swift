import GovTopCore

/// Ingest of agent traces as `.ci/ingest-load.py` sends them end to end (a root with the `genops.*`
/// attribution after its three LLM calls; the batch is prepared parents first, so the calls inherit
/// the root's attribution at once), already decoded: the engine alone, governance off and on, and
/// on with a ledger of record taking deltas (as `govtop` runs by default). With governance on, the
/// policy screen scans each batch's OTLP/protobuf body for the redaction rule's literals, as the
/// receiver does, and finds none, as in the load test.
struct AgentIngestBenchmark: BenchmarkSection {
    let name = "ingest-agents"
    var batches = 64

    func run(timer: BenchmarkTimer) -> [BenchmarkRow] {
        let traces = (0..<batches).map { TypicalGenAITraces.batch(index: $0) }
        let spanCount = traces[0].spanCount
        // A store of a quarter of the batches: a batch comes round again only after its traces were
        // evicted, so its spans start new traces, as distinct traces do end to end.
        let limits = StoreLimits(maxSpans: batches / 4 * spanCount)
        var governed = IngestBenchmark.governed
        governed.store = limits
        let off = Engine(configuration: EngineConfiguration(store: limits, governance: false))
        let on = Engine(configuration: governed)
        let recorded = Engine(configuration: governed)
        do {
            try recorded.restore(from: MemoryLedgerStore(), path: "memory")
        } catch {
            fatalError("cannot attach the in-memory ledger of record: \(error)")
        }
        let bodies = traces.map(OTLPProtobufEncoder.encode)
        var next = [0, 0, 0]
        func ingest(_ engine: Engine, _ slot: Int) {
            let index = next[slot] % traces.count
            next[slot] += 1
            blackHole(bodies[index].withUnsafeBytes { engine.ingest(traces[index], verbatimSource: $0) })
            // The ledger writer drains about once a second; here every 16 batches.
            if engine === recorded, next[slot] % 16 == 0 { blackHole(engine.drainLedger(pricingID: "bench")) }
        }
        let measurements = timer.measure([{ ingest(off, 0) }, { ingest(on, 1) }, { ingest(recorded, 2) }])
        let baseline = "agent traces: store (governance off)"
        return [
            BenchmarkRow(section: name, label: baseline, bytes: 0, items: spanCount, itemUnit: "spans",
                         measurement: measurements[0], baseline: nil),
            BenchmarkRow(section: name, label: "... + governance engine on", bytes: 0, items: spanCount,
                         itemUnit: "spans", measurement: measurements[1], baseline: baseline),
            BenchmarkRow(section: name, label: "... on, with a ledger of record", bytes: 0, items: spanCount,
                         itemUnit: "spans", measurement: measurements[2], baseline: baseline),
        ]
    }
}
