extension NavigationState {
    /// j/k, PgUp/PgDn, g/G: the help text when help is open, the waterfall on the detail screen,
    /// the focused list otherwise.
    mutating func move(_ move: ListMove, context: NavigationContext) {
        if helpShown {
            scrollHelp(move, context: context)
            return
        }
        switch screen {
        case .traceDetail:
            updateDetail(context) { detail, frame in detail.selection.move(move, in: frame) }
        case .history: moveHistory(move, context: context) // ledger: issue 11
        case .conformance: moveConformance(move, context: context) // conformance: issue 13
        case .dashboard, .zoomed, .spendChart:
            let frame = context.frame(of: focus)
            switch focus {
            case .traces: traces.move(move, in: frame)
            case .teams: teams.move(move, in: frame)
            case .budgets: budgets.move(move, in: frame)
            case .alerts: alerts.move(move, in: frame)
            }
        }
    }

    private mutating func scrollHelp(_ move: ListMove, context: NavigationContext) {
        let page = max(1, context.helpVisibleRows)
        let maxScroll = Self.maxScroll(lines: context.helpLineCount, visible: context.helpVisibleRows)
        let target = switch move {
        case .up: helpScroll - 1
        case .down: helpScroll + 1
        case .pageUp: helpScroll - page
        case .pageDown: helpScroll + page
        case .top: 0
        case .bottom: maxScroll
        }
        helpScroll = min(max(target, 0), maxScroll)
    }
}
