import GovTopCore
import GovTopUI

/// One dashboard frame with 1,000,000 spans stored: taking the engine snapshot (newest-first trace
/// page, groups, budgets, alerts) and drawing it into a 120×40 and a 200×60 canvas.
struct FrameBenchmark: BenchmarkSection {
    let name = "frame"
    var spans = 1_000_000

    func run(timer: BenchmarkTimer) -> [BenchmarkRow] {
        let engine = Engine(configuration: EngineConfiguration(
            store: StoreLimits(maxSpans: spans, maxMemoryBytes: 4 << 30),
            budgets: [BudgetDefinition(scope: [.team: "ml-platform"], limitUSD: 1_000, period: .daily),
                      BudgetDefinition(limitUSD: 50_000, period: .monthly)]))
        var index = 0
        while engine.summary().spansStored < spans {
            engine.ingest(TypicalGenAITraces.batch(index: index))
            index += 1
        }
        engine.tick()
        let state = NavigationState()
        let request = DashboardRequest(navigation: state)
        let snapshot = engine.dashboard(request)
        let frame = DashboardFrame(snapshot: snapshot, listenAddress: "127.0.0.1:4318")
        func draw(_ width: Int, _ height: Int) {
            var canvas = Canvas(width: width, height: height)
            DashboardView.render(into: &canvas, frame: frame, state: state, ascii: false)
            blackHole(canvas)
        }
        let measurements = timer.measure([
            { blackHole(engine.dashboard(request)) },
            { draw(120, 40) },
            { draw(200, 60) },
        ])
        let stored = engine.summary().spansStored
        return [
            BenchmarkRow(section: name, label: "engine snapshot, \(stored) spans stored", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[0], baseline: nil),
            BenchmarkRow(section: name, label: "draw dashboard 120x40", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[1], baseline: nil),
            BenchmarkRow(section: name, label: "draw dashboard 200x60", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[2], baseline: nil),
        ]
    }
}
