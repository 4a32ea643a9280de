/// What the reducer needs to know about the current frame. The app loop builds it from the
/// snapshot it draws (and the view's layout), and passes the same value to `reconcile(with:)`
/// before drawing and to `handle(_:context:)` for keys that arrive until the next frame.
public struct NavigationContext: Sendable {
    public var traces: ListFrame
    public var teams: ListFrame
    public var budgets: ListFrame
    /// Keys are alert ids.
    public var alerts: ListFrame
    /// The open trace's spans in display order (depth-first, parents before children), all of
    /// them, collapsed or not; empty while no trace is open or it has not loaded.
    public var waterfall: [WaterfallRow]
    /// Waterfall rows that fit on screen.
    public var waterfallVisibleRows: Int
    /// Lines of the selected span's detail, and how many fit.
    public var detailLineCount: Int
    public var detailVisibleRows: Int
    /// Lines of the help overlay, and how many fit.
    public var helpLineCount: Int
    public var helpVisibleRows: Int
    /// How many themes `t` cycles through.
    public var themeCount: Int
    /// Groups on the History screen (ledger: issue 11).
    public var historyRows = 0
    /// The Conformance screen's rows (conformance: issue 13).
    public var conformanceRows: [ConformanceRow] = []

    public init(traces: ListFrame = ListFrame(), teams: ListFrame = ListFrame(), budgets: ListFrame = ListFrame(),
                alerts: ListFrame = ListFrame(), waterfall: [WaterfallRow] = [], waterfallVisibleRows: Int = 1,
                detailLineCount: Int = 0, detailVisibleRows: Int = 1, helpLineCount: Int = 0, helpVisibleRows: Int = 1,
                themeCount: Int = 1) {
        self.traces = traces
        self.teams = teams
        self.budgets = budgets
        self.alerts = alerts
        self.waterfall = waterfall
        self.waterfallVisibleRows = waterfallVisibleRows
        self.detailLineCount = detailLineCount
        self.detailVisibleRows = detailVisibleRows
        self.helpLineCount = helpLineCount
        self.helpVisibleRows = helpVisibleRows
        self.themeCount = themeCount
    }

    public func frame(of panel: Panel) -> ListFrame {
        switch panel {
        case .traces: traces
        case .teams: teams
        case .budgets: budgets
        case .alerts: alerts
        }
    }
}
