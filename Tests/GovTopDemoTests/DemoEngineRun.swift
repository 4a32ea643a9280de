import GovTopCore
import GovTopDemo

/// Runs the demo into an engine on a virtual clock, one virtual second at a time (traffic for the
/// second, ingest at its end, tick), and records when things first happened.
struct DemoEngineRun {
    static let start: UInt64 = 1_800_000_000 * 1_000_000_000

    let engine: Engine
    var spans = 0
    var growthAt80: Int?
    var growthExceededAt: Int?
    var firstSpikeAt: Int?

    init(seconds: Int, seed: UInt64 = 42, rate: Double = DemoScenario.defaultRate) {
        let clock = DemoTestClock(nanos: Self.start)
        engine = Engine(configuration: DemoScenario.configuration(), clock: clock.clock)
        var scenario = DemoScenario(seed: seed, startTime: Self.start)
        for second in 1...seconds {
            let from = Self.start + UInt64(second - 1) * 1_000_000_000
            let to = from + 1_000_000_000
            let batch = scenario.traffic(from: from, to: to, rate: rate)
            spans += batch.spanCount
            clock.set(to)
            engine.ingest(batch)
            engine.tick()
            let utilization = engine.budgets().first { $0.name == "team:growth" }?.utilization ?? 0
            if growthAt80 == nil, utilization >= 0.8 { growthAt80 = second }
            if growthExceededAt == nil, utilization >= 1 { growthExceededAt = second }
            if firstSpikeAt == nil, engine.alerts().contains(where: { $0.kind == .costSpike }) { firstSpikeAt = second }
        }
    }
}
