import GovTopCore
import GovTopUI

/// The app loop's part of a render: builds frames from the replayed engine and presses keys on the
/// navigation state, as the terminal app would, until the state shows the requested view.
struct RenderSession {
    let replay: DemoReplay
    let size: RenderSize
    let themeName: String
    var state = NavigationState()
    /// The trace loaded after `.openTrace`.
    var trace: TraceDetail?

    init(replay: DemoReplay, size: RenderSize, themeName: String) {
        self.replay = replay
        self.size = size
        self.themeName = themeName
    }

    /// The frame the app would draw now, and the navigation context measured from it.
    func frame() -> (DashboardFrame, NavigationContext) {
        let snapshot = replay.engine.dashboard(DashboardRequest(navigation: state))
        let frame = DashboardFrame(snapshot: snapshot, trace: trace, listenAddress: Renderer.listenAddress,
                                   spansPerSecond: replay.spansPerSecond, themeName: themeName, utcOffsetSeconds: 0)
        return (frame, NavigationContext(frame: frame, state: state, width: size.width, height: size.height))
    }

    mutating func show(_ view: RenderView) throws(RenderError) {
        switch view {
        case .dashboard: break
        case .traces: try run(.zoomTraces)
        case .teams: try run(.zoomTeams)
        case .budgets: try run(.zoomBudgets)
        case .alerts: try run(.zoomAlerts)
        case .chart: try run(.zoomSpendChart)
        case .help: try run(.toggleHelp)
        case .trace: try openShowcaseTrace()
        }
    }

    /// Zooms Traces (where Enter opens a trace), moves the cursor to `TraceChoice.showcase` and
    /// opens it, loading it as the app does; Esc would go back to the zoomed list.
    private mutating func openShowcaseTrace() throws(RenderError) {
        let listed = frame().0.snapshot.traces.traces
        guard let chosen = TraceChoice.showcase(in: listed), let row = listed.firstIndex(where: { $0.traceID == chosen }) else {
            throw RenderError("the demo has no finished agent trace yet; render the trace view after more --seconds (at least 10)")
        }
        try run(.zoomTraces)
        try run(.moveToTop)
        try run(.moveDown, times: row)
        for action in try run(.openTrace) {
            if case .openTrace(let id) = action, let traceID = TraceID(hex: id) { trace = replay.engine.trace(traceID) }
        }
        guard trace != nil else { throw RenderError("the trace \(chosen.hex) did not open") }
    }

    /// Presses the first key that runs `command` where the state is now (a key bound in a more
    /// specific context shadows the same key further out).
    /// Keys pressed in a burst go to the state with the same frame, as keys that arrive between
    /// two frames do in the app.
    @discardableResult
    private mutating func run(_ command: Command, times: Int = 1) throws(RenderError) -> [NavigationAction] {
        let contexts = state.bindingContexts
        let keys = state.bindings.bindings.filter { $0.command == command }.flatMap(\.keys)
        guard let key = keys.first(where: { state.bindings.command(for: $0, in: contexts) == command }) else {
            throw RenderError("no key runs \(command) in \(contexts)")
        }
        let (_, context) = frame()
        var actions: [NavigationAction] = []
        for _ in 0..<times { actions = state.handle(key, context: context) }
        return actions
    }
}
