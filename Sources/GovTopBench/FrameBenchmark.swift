import GovTopCore
import GovTopUI

/// One dashboard frame with 1,000,000 spans stored: taking the engine snapshot (newest-first trace
/// page, groups, budgets, alerts, spend series) and drawing it into a 120×40 and a 200×60 canvas,
/// both with the spend chart on; the spend chart zoomed and the Budgets view with its burn-down
/// charts at 200×60. A last case draws a snapshot whose trace page holds 200,000 traces: drawing
/// reads only the rows on screen, so it should cost about what the normal frame costs.
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
        var large = frame
        let page = frame.snapshot.traces.traces
        large.snapshot.traces.traces = (0..<(200_000 / max(page.count, 1))).flatMap { copy in
            page.map { trace in
                var copied = trace
                copied.traceID = TraceID(high: trace.traceID.high, low: UInt64(copy))
                return copied
            }
        }
        large.snapshot.traces.matched = large.snapshot.traces.traces.count
        func draw(_ width: Int, _ height: Int, _ frame: DashboardFrame, _ state: NavigationState = NavigationState()) {
            var canvas = Canvas(width: width, height: height)
            DashboardView.render(into: &canvas, frame: frame, state: state, ascii: false)
            blackHole(canvas)
        }
        let context = NavigationContext(frame: frame, state: state, width: 200, height: 60)
        var chartState = state
        _ = chartState.handle(.character("5"), context: context)
        var budgetsState = state
        _ = budgetsState.handle(.character("3"), context: context)
        let measurements = timer.measure([
            { blackHole(engine.dashboard(request)) },
            { draw(120, 40, frame) },
            { draw(200, 60, frame) },
            { draw(120, 40, large) },
            { draw(200, 60, frame, chartState) },
            { draw(200, 60, frame, budgetsState) },
        ])
        let stored = engine.summary().spansStored
        return [
            BenchmarkRow(section: name, label: "engine snapshot, \(stored) spans stored", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[0], baseline: nil),
            BenchmarkRow(section: name, label: "draw dashboard 120x40", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[1], baseline: nil),
            BenchmarkRow(section: name, label: "draw dashboard 200x60", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[2], baseline: nil),
            BenchmarkRow(section: name, label: "draw 120x40, \(large.snapshot.traces.traces.count) traces in the page", bytes: 0,
                         items: 1, itemUnit: "frames", measurement: measurements[3], baseline: "draw dashboard 120x40"),
            BenchmarkRow(section: name, label: "draw spend chart zoomed 200x60", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[4], baseline: nil),
            BenchmarkRow(section: name, label: "draw budgets with burn-down 200x60", bytes: 0, items: 1, itemUnit: "frames",
                         measurement: measurements[5], baseline: nil),
        ]
    }
}
