/// The whole terminal UI for one frame: the header line, the screen navigation is on (four panels,
/// one zoomed panel, or the trace detail), the filter input while typing, the footer with the key
/// hints of the focused context and any notice, and the help overlay on top. Below
/// `DashboardLayout.minimumWidth` × `minimumHeight` only a centred "terminal too small" message.
///
/// Pure: it reads the frame and the state and writes cells; text from the network reaches the
/// canvas only through `Canvas.put` and the widgets, which sanitize it.
public enum DashboardView {
    public static func render(into canvas: inout Canvas, frame: DashboardFrame, state: NavigationState, ascii: Bool) {
        let layout = DashboardLayout(width: canvas.width, height: canvas.height, state: state, frame: frame)
        canvas.fill(canvas.bounds)
        if layout.isTooSmall {
            renderTooSmall(into: &canvas, ascii: ascii)
            return
        }
        HeaderBar(frame: frame, paused: state.paused, ascii: ascii).render(into: &canvas, area: layout.header)
        switch state.screen {
        case .dashboard, .zoomed:
            for (panel, area) in layout.panels.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                renderPanel(panel, into: &canvas, area: area, frame: frame, state: state, ascii: ascii)
            }
            if let area = layout.chart {
                SpendChartView(spend: frame.snapshot.spend, zoomed: false, ascii: ascii).render(into: &canvas, area: area)
            }
            if let area = layout.burnDown {
                BurnDownGrid(snapshot: frame.snapshot, selected: state.selection(of: .budgets).index, ascii: ascii).render(into: &canvas, area: area)
            }
        case .spendChart:
            if let area = layout.chart {
                SpendChartView(spend: frame.snapshot.spend, zoomed: true, ascii: ascii).render(into: &canvas, area: area)
            }
        case .traceDetail:
            TraceDetailView.render(into: &canvas, frame: frame, state: state, layout: layout, ascii: ascii)
        case .conformance: // conformance: issue 13
            ConformanceView(report: frame.snapshot.conformance, selected: state.conformanceIndex, ascii: ascii)
                .render(into: &canvas, area: layout.main)
        case .history: // ledger: issue 11
            HistoryView(history: frame.history, budgets: frame.snapshot.budgets, selected: state.historyIndex, ascii: ascii)
                .render(into: &canvas, area: layout.main)
        }
        if let draft = state.filterDraft, let area = layout.filterInput {
            FilterInputLine(draft: draft, ascii: ascii).render(into: &canvas, area: area)
        }
        renderFooter(into: &canvas, area: layout.footer, hints: state.footerHints, notice: frame.notice, ascii: ascii)
        if state.helpShown {
            helpOverlay(frame: frame, state: state, ascii: ascii).render(into: &canvas, area: layout.main)
        }
    }

    /// "terminal too small (need 60×16)" ("60x16" in ASCII).
    public static func tooSmallMessage(ascii: Bool) -> String {
        "terminal too small (need \(DashboardLayout.minimumWidth)\(ViewGlyphs.times(ascii: ascii))\(DashboardLayout.minimumHeight))"
    }

    /// The help overlay as this frame draws it (its line count and visible rows feed navigation).
    static func helpOverlay(frame: DashboardFrame, state: NavigationState, ascii: Bool) -> HelpOverlay {
        HelpOverlay(sections: state.bindings.helpSections(), title: "Help" + ViewGlyphs.separator(ascii: ascii) + "theme \(frame.themeName)", scroll: state.helpScroll, ascii: ascii)
    }

    private static func renderPanel(_ panel: Panel, into canvas: inout Canvas, area: Rect, frame: DashboardFrame,
                                    state: NavigationState, ascii: Bool) {
        let focused = state.focus == panel
        let snapshot = frame.snapshot
        switch panel {
        case .traces:
            TracesPanel(snapshot: snapshot, state: state, utcOffsetSeconds: frame.utcOffsetSeconds, listenAddress: frame.listenAddress, ascii: ascii)
                .render(into: &canvas, area: area, focused: focused)
        case .teams:
            TeamsPanel(snapshot: snapshot, state: state, ascii: ascii).render(into: &canvas, area: area, focused: focused)
        case .budgets:
            BudgetsPanel(snapshot: snapshot, state: state, utcOffsetSeconds: frame.utcOffsetSeconds, ascii: ascii)
                .render(into: &canvas, area: area, focused: focused)
        case .alerts:
            AlertsPanel(snapshot: snapshot, state: state, ascii: ascii).render(into: &canvas, area: area, focused: focused)
        }
    }

    /// Key hints from the left; the notice, when there is one, at the right (the hints give way).
    private static func renderFooter(into canvas: inout Canvas, area: Rect, hints: [FooterHint], notice: String?, ascii: Bool) {
        guard !area.isEmpty else { return }
        var hintsArea = area
        if let notice, !notice.isEmpty {
            let text = DisplayWidth.truncate(TerminalText.sanitize(notice), toWidth: area.width / 2,
                                             ellipsis: ascii ? DisplayWidth.asciiEllipsis : DisplayWidth.ellipsis)
            let width = text.displayWidth
            hintsArea = area.inset(right: width + 2)
            canvas.put(text, at: area.maxX - width, y: area.y, style: CellStyle(.info, .bold))
        }
        KeyHints(hints).render(into: &canvas, area: hintsArea)
    }

    private static func renderTooSmall(into canvas: inout Canvas, ascii: Bool) {
        let message = tooSmallMessage(ascii: ascii)
        let width = min(message.displayWidth, canvas.width)
        let area = canvas.bounds.centered(width: width, height: 1)
        canvas.put(message, at: area.x, y: area.y, style: CellStyle(.warning, .bold), maxWidth: max(0, canvas.width - area.x),
                   overflow: .ellipsis(ascii: ascii))
    }
}
