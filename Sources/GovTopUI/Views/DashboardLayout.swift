import GovTopCore

/// Where everything goes on a screen of a given size, for the current navigation state. The view
/// draws into these rectangles and the navigation context measures them, so PgUp/PgDn move by
/// exactly the rows on screen.
///
/// Rows: the header line, the main area, the filter input (two rows, only while typing a filter:
/// the input and its error or hint, so panels do not jump as errors come and go), the footer.
/// The dashboard puts Traces across the top; below it Teams, Budgets and Alerts side by side when
/// the screen is wide (`wideWidth`), else Teams and Budgets side by side above Alerts. Rows go by
/// demand (`SpaceShare.rows`): the lower panels get the rows their lists need (up to a share of
/// the screen), the spend chart a strip where the screen is tall enough (beside Traces where it is
/// very wide), Traces the rest. Without `content` (the app sizing its trace request before it has
/// a snapshot) the lower panels get their least, so Traces is as tall as it can be.
public struct DashboardLayout: Hashable, Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// From this width on, the three lower panels sit in one row and the trace detail puts the
    /// span detail beside the waterfall.
    public static let wideWidth = 110
    /// From this width on, the dashboard's spend chart sits beside Traces instead of in a strip.
    public static let chartBesideWidth = 170
    /// From this main-area height on, the dashboard shows the spend chart.
    public static let chartHeight = 30

    public let width: Int
    public let height: Int
    public let header: Rect
    public let footer: Rect
    /// The filter input's two rows, while it is open.
    public let filterInput: Rect?
    /// Between the header and the footer (and the filter input): where screens and the help go.
    public let main: Rect
    /// The outer rectangle (border included) of every panel the screen shows.
    public let panels: [Panel: Rect]
    /// The trace detail's waterfall and span boxes, on that screen.
    public let waterfallBox: Rect?
    public let spanBox: Rect?
    /// The spend chart on the dashboard (where there is room) or zoomed.
    public let chart: Rect?
    /// In the zoomed Budgets view: the budgets' burn-down charts below the table.
    public let burnDown: Rect?

    public init(width: Int, height: Int, state: NavigationState, content: LayoutContent? = nil) {
        self.width = max(0, width)
        self.height = max(0, height)
        let bounds = Rect(x: 0, y: 0, width: self.width, height: self.height)
        let (header, rest) = bounds.splitTop(1)
        let (above, footer) = rest.splitBottom(1)
        var main = above
        var filterInput: Rect?
        if state.filterDraft != nil {
            let parts = above.splitBottom(2)
            main = parts.0
            filterInput = parts.1
        }
        self.header = header
        self.footer = footer
        self.filterInput = filterInput
        self.main = main
        var waterfallBox: Rect?
        var spanBox: Rect?
        var chart: Rect?
        var burnDown: Rect?
        switch state.screen {
        case .dashboard:
            (panels, chart) = Self.dashboard(in: main, content: content)
        case .zoomed(.budgets):
            let rows = SpaceShare.rows([
                RowDemand(minimum: 5, wanted: min(3 + (content?.budgets ?? main.height), max(5, main.height / 2)), priority: 0),
                RowDemand(minimum: 0, wanted: main.height, priority: 1, fills: true),
            ], total: main.height)
            let (table, charts) = main.splitTop(rows[0])
            burnDown = charts.height >= BurnDownGrid.minimumHeight ? charts : nil
            panels = [.budgets: burnDown == nil ? main : table]
        case .zoomed(let panel):
            panels = [panel: main]
        case .spendChart:
            panels = [:]
            chart = main
        case .history, .conformance: // ledger: issue 11; conformance: issue 13
            panels = [:]
        case .traceDetail:
            panels = [:]
            let wide = main.width >= Self.wideWidth
            let parts = wide ? main.splitColumns([.ratio(0.58), .fill]) : main.splitRows([.ratio(0.55), .fill])
            waterfallBox = parts[0]
            spanBox = parts[1]
        }
        self.waterfallBox = waterfallBox
        self.spanBox = spanBox
        self.chart = chart
        self.burnDown = burnDown
        self.content = content
    }

    private let content: LayoutContent?

    /// Too small to draw anything useful: the view shows only a message.
    public var isTooSmall: Bool {
        width < Self.minimumWidth || height < Self.minimumHeight
    }

    /// The panels of the four-panel dashboard in `area`, and the spend chart when there is room.
    public static func dashboard(in area: Rect, content: LayoutContent?) -> (panels: [Panel: Rect], chart: Rect?) {
        func need(_ rows: Int?) -> Int { 3 + max(1, rows ?? 0) }
        let showsChart = area.height >= chartHeight
        let chartBeside = showsChart && area.width >= chartBesideWidth
        let chartStrip = showsChart && !chartBeside
        // Rows Traces does not need go to the chart strip when there is one.
        let traces = RowDemand(minimum: 5, wanted: content.map { need($0.traces) } ?? area.height, priority: 2, fills: !chartStrip)
        let chart = RowDemand(minimum: chartStrip ? 8 : 0, wanted: chartStrip ? max(8, min(14, area.height / 4)) : 0, priority: 1,
                              fills: chartStrip)
        if area.width >= wideWidth {
            let lower = content.map { max(need($0.teams), need($0.budgets), need($0.alerts)) } ?? 0
            let rows = SpaceShare.rows([traces, chart,
                                        RowDemand(minimum: 6, wanted: min(lower, area.height * 9 / 20), priority: 0)], total: area.height)
            let (top, rest) = area.splitTop(rows[0])
            let (middle, bottom) = rest.splitTop(rows[1])
            let lowerPanels = bottom.splitColumns([.ratio(0.31), .ratio(0.33), .fill])
            var panels: [Panel: Rect] = [.traces: top, .teams: lowerPanels[0], .budgets: lowerPanels[1], .alerts: lowerPanels[2]]
            guard chartBeside else { return (panels, chartStrip ? middle : nil) }
            let parts = top.splitColumns([.ratio(0.6), .fill])
            panels[.traces] = parts[0]
            return (panels, parts[1])
        }
        let pair = content.map { max(need($0.teams), need($0.budgets)) } ?? 0
        let alerts = content.map { need($0.alerts) } ?? 0
        let rows = SpaceShare.rows([
            traces, chart,
            RowDemand(minimum: 5, wanted: min(pair, area.height / 3), priority: 0),
            RowDemand(minimum: 4, wanted: min(alerts, area.height * 2 / 7), priority: 0),
        ], total: area.height)
        let stack = area.splitRows(rows.map { .fixed($0) })
        let middle = stack[2].splitColumns([.ratio(0.5), .fill])
        return ([.traces: stack[0], .teams: middle[0], .budgets: middle[1], .alerts: stack[3]], chartStrip ? stack[1] : nil)
    }

    /// Rows a panel's table shows at once (its inner height less the column header).
    public func visibleRows(of panel: Panel) -> Int {
        let outer = panels[panel] ?? Self.dashboard(in: main, content: content).panels[panel] ?? .zero
        return max(1, Box.inner(of: outer).height - 1)
    }
}

/// How many rows each list has, for sharing the screen's rows by demand.
public struct LayoutContent: Hashable, Sendable {
    public var traces: Int
    public var teams: Int
    public var budgets: Int
    public var alerts: Int

    public init(traces: Int, teams: Int, budgets: Int, alerts: Int) {
        self.traces = traces
        self.teams = teams
        self.budgets = budgets
        self.alerts = alerts
    }
}

extension LayoutContent {
    /// The row counts of a snapshot's lists.
    public init(_ snapshot: DashboardSnapshot) {
        self.init(traces: snapshot.traces.traces.count, teams: snapshot.groups.count, budgets: snapshot.budgets.count,
                  alerts: snapshot.alerts.count)
    }
}
