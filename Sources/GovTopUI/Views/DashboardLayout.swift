/// Where everything goes on a screen of a given size, for the current navigation state. The view
/// draws into these rectangles and the navigation context measures them, so PgUp/PgDn move by
/// exactly the rows on screen.
///
/// Rows: the header line, the main area, the filter input (two rows, only while typing a filter:
/// the input and its error or hint, so panels do not jump as errors come and go), the footer.
/// The dashboard puts Traces across the top; below it Teams, Budgets and Alerts side by side when
/// the screen is wide (`wideWidth`), else Teams and Budgets side by side above Alerts.
public struct DashboardLayout: Hashable, Sendable {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// From this width on, the three lower panels sit in one row and the trace detail puts the
    /// span detail beside the waterfall.
    public static let wideWidth = 110

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

    public init(width: Int, height: Int, state: NavigationState) {
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
        switch state.screen {
        case .dashboard:
            panels = Self.dashboardPanels(in: main)
        case .zoomed(let panel):
            panels = [panel: main]
        case .history: // ledger: issue 11
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
    }

    /// Too small to draw anything useful: the view shows only a message.
    public var isTooSmall: Bool {
        width < Self.minimumWidth || height < Self.minimumHeight
    }

    /// The panels of the four-panel dashboard in `area`.
    public static func dashboardPanels(in area: Rect) -> [Panel: Rect] {
        if area.width >= wideWidth {
            let (top, bottom) = area.splitTop(max(6, area.height * 9 / 20))
            let lower = bottom.splitColumns([.ratio(0.36), .ratio(0.35), .fill])
            return [.traces: top, .teams: lower[0], .budgets: lower[1], .alerts: lower[2]]
        }
        let rows = area.splitRows([.ratio(0.42), .ratio(0.31), .fill])
        let middle = rows[1].splitColumns([.ratio(0.5), .fill])
        return [.traces: rows[0], .teams: middle[0], .budgets: middle[1], .alerts: rows[2]]
    }

    /// Rows a panel's table shows at once (its inner height less the column header).
    public func visibleRows(of panel: Panel) -> Int {
        let outer = panels[panel] ?? Self.dashboardPanels(in: main)[panel] ?? .zero
        return max(1, Box.inner(of: outer).height - 1)
    }
}
