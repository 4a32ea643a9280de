import GovTopCore

/// Everything about where the user is and what they look at, changed only by keys through
/// `handle(_:context:)`, a pure reducer: it returns what the app loop must do beyond drawing
/// the new state (load a trace, acknowledge an alert, copy to the clipboard, quit, ...).
///
/// Per frame the app loop builds a `NavigationContext` from its snapshot and layout, calls
/// `reconcile(with:)` (selections follow their rows, clamp to row counts), and draws from this
/// state; keys that arrive before the next frame go to `handle` with the same context.
public struct NavigationState: Hashable, Sendable {
    /// How many screens Esc can go back through.
    public static let maxBackStack = 8

    public let bindings: KeyBindings
    public internal(set) var screen: Screen = .dashboard
    /// Where Esc goes, most recent last.
    public internal(set) var backStack: [Screen] = []
    /// The panel that takes the keys on the dashboard, and the zoomed one when zoomed.
    public internal(set) var focus: Panel = .traces
    public internal(set) var traces = ListSelection(canFollow: true)
    public internal(set) var teams = ListSelection()
    public internal(set) var budgets = ListSelection()
    public internal(set) var alerts = ListSelection()
    public internal(set) var traceOrder: TraceOrder
    /// False: largest first (newest, most expensive, longest, most tokens).
    public internal(set) var traceAscending: Bool
    /// The applied filter; nil shows every trace.
    public internal(set) var filter: TraceFilter?
    /// The filter being typed; non-nil while the filter input is open.
    public internal(set) var filterDraft: FilterDraft?
    /// What the Teams panel groups by.
    public internal(set) var teamsDimension: Dimension
    /// Set while `screen` is `.traceDetail`.
    public internal(set) var traceDetail: TraceDetailState?
    /// The display is frozen; ingestion continues.
    public internal(set) var paused = false
    public internal(set) var helpShown = false
    /// First help line on screen.
    public internal(set) var helpScroll = 0
    public internal(set) var themeIndex: Int
    /// The group the History screen shows, by position in its list (ledger: issue 11).
    public internal(set) var historyIndex = 0
    /// The row the Conformance screen selects (conformance: issue 13).
    public internal(set) var conformanceIndex = 0

    public init(bindings: KeyBindings = .standard, themeIndex: Int = 0, teamsDimension: Dimension = .team,
                traceOrder: TraceOrder = .time, traceAscending: Bool = false, filter: TraceFilter? = nil) {
        self.bindings = bindings
        self.themeIndex = max(0, themeIndex)
        self.teamsDimension = teamsDimension
        self.traceOrder = traceOrder
        self.traceAscending = traceAscending
        self.filter = filter.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The binding contexts keys are looked up in, most specific first.
    public var bindingContexts: [BindingContext] {
        if helpShown { return [.help] }
        if filterDraft != nil { return [.filterInput] }
        switch screen {
        case .dashboard: return [.dashboard, focus.bindingContext, .global]
        case .zoomed(let panel): return [panel.bindingContext, .global]
        case .spendChart: return [.global]
        case .traceDetail: return [.traceDetail, .global]
        case .history: return [.history, .global] // ledger: issue 11
        case .conformance: return [.conformance, .global] // conformance: issue 13
        }
    }

    /// The footer for what the user sees now, from the same table the keys are looked up in.
    public var footerHints: [FooterHint] { bindings.footerHints(for: bindingContexts) }

    public func selection(of panel: Panel) -> ListSelection {
        switch panel {
        case .traces: traces
        case .teams: teams
        case .budgets: budgets
        case .alerts: alerts
        }
    }

    /// Brings every selection in line with the frame: rows that moved keep the cursor, lists that
    /// shrank clamp it, the following trace list stays on its newest row.
    public mutating func reconcile(with context: NavigationContext) {
        traces.reconcile(with: context.traces)
        teams.reconcile(with: context.teams)
        budgets.reconcile(with: context.budgets)
        alerts.reconcile(with: context.alerts)
        updateDetail(context) { _, _ in }
        helpScroll = min(helpScroll, Self.maxScroll(lines: context.helpLineCount, visible: context.helpVisibleRows))
    }

    /// Runs one key. Returns what the app loop must do, ending with `.redraw` when the state changed.
    public mutating func handle(_ key: Key, context: NavigationContext) -> [NavigationAction] {
        reconcile(with: context)
        guard key != .resize else { return [.redraw] }
        let before = self
        var actions: [NavigationAction] = []
        if let command = bindings.command(for: key, in: bindingContexts) {
            actions = perform(command, context: context)
        } else if filterDraft != nil, case .character(let character) = key {
            filterDraft?.edit { $0.insert(character) }
        }
        if self != before { actions.append(.redraw) }
        return actions
    }

    /// Applies filter text from outside the keyboard (a command-line option, say).
    public mutating func setFilter(text: String) throws(FilterParseError) {
        let parsed = try TraceFilter(parsing: text)
        filter = parsed.isEmpty ? nil : parsed
        traces.reset()
    }

    private mutating func perform(_ command: Command, context: NavigationContext) -> [NavigationAction] {
        switch command {
        case .quit: return [.quit]
        case .toggleHelp, .closeHelp:
            helpShown = command == .toggleHelp && !helpShown
            helpScroll = 0
        case .togglePause:
            paused.toggle()
            return [.pauseChanged(paused: paused)]
        case .cycleTheme:
            themeIndex = (themeIndex + 1) % max(1, context.themeCount)
            return [.themeChanged(index: themeIndex)]
        case .focusNext: cycleFocus(to: focus.next)
        case .focusPrevious: cycleFocus(to: focus.previous)
        case .zoomTraces: return zoom(.traces)
        case .zoomTeams: return zoom(.teams)
        case .zoomBudgets: return zoom(.budgets)
        case .zoomAlerts: return zoom(.alerts)
        case .zoomSpendChart: return zoomSpendChart()
        case .zoomFocused: return zoom(focus)
        case .back: return back()
        case .moveUp: move(.up, context: context)
        case .moveDown: move(.down, context: context)
        case .pageUp: move(.pageUp, context: context)
        case .pageDown: move(.pageDown, context: context)
        case .moveToTop: move(.top, context: context)
        case .moveToBottom: move(.bottom, context: context)
        case .openTrace: return openSelectedTrace()
        case .cycleSort: traceOrder = traceOrder.next
        case .reverseSort: traceAscending.toggle()
        case .copyTraceID:
            guard let id = traceDetail?.traceID ?? traces.anchor else { return [] }
            return [.copyToClipboard(id)]
        case .cycleDimension:
            teamsDimension = teamsDimension.nextInTeamsCycle
            teams.reset()
            historyIndex = 0 // ledger: issue 11
        case .showHistory: return showHistory() // ledger: issue 11
        case .showConformance: return showConformance() // conformance: issue 13
        case .openConformanceExample: return openConformanceExample(context: context)
        case .showGroupTraces: return showGroupTraces()
        case .acknowledgeAlert:
            guard let id = alerts.anchor else { return [] }
            return [.acknowledgeAlert(id: id)]
        case .clearResolvedAlerts: return [.clearResolvedAlerts]
        case .toggleCollapse, .collapseOrParent, .expandOrChild, .nextProblem, .previousProblem,
             .scrollDetailDown, .scrollDetailUp, .exportTrace:
            return performInDetail(command, context: context)
        case .editFilter, .applyFilter, .cancelFilter, .deleteBackward, .deleteForward,
             .cursorLeft, .cursorRight, .cursorHome, .cursorEnd, .clearInput:
            performInFilter(command)
        }
        return []
    }

    static func maxScroll(lines: Int, visible: Int) -> Int {
        max(0, lines - max(1, visible))
    }
}

extension TraceOrder {
    /// The next order `s` switches to: time, cost, duration, tokens, time, ...
    public var next: TraceOrder {
        let all = Self.allCases
        guard let position = all.firstIndex(of: self) else { return .time }
        return all[(position + 1) % all.count]
    }
}
