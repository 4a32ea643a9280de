extension KeyBindings {
    /// govtop's key bindings.
    public static let standard = KeyBindings(standardRows)

    private static let standardRows: [KeyBinding] = global + dashboard + traces + teams + alerts + traceDetail + filterInput + help + history + conformance

    private static let global: [KeyBinding] = [
        KeyBinding([.character("q"), .ctrl("c")], .quit, "quit", in: .global, footer: true),
        KeyBinding([.character("?"), .function(1)], .toggleHelp, "help", in: .global, footer: true),
        KeyBinding([.character("p")], .togglePause, "pause display", in: .global, footer: true),
        KeyBinding([.character("t")], .cycleTheme, "next theme", in: .global),
        KeyBinding([.tab], .focusNext, "next panel", in: .global),
        KeyBinding([.backTab], .focusPrevious, "previous panel", in: .global),
        KeyBinding([.character("1")], .zoomTraces, "zoom Traces", in: .global),
        KeyBinding([.character("2")], .zoomTeams, "zoom Teams", in: .global),
        KeyBinding([.character("3")], .zoomBudgets, "zoom Budgets", in: .global),
        KeyBinding([.character("4")], .zoomAlerts, "zoom Alerts", in: .global),
        KeyBinding([.character("5")], .zoomSpendChart, "spend chart", in: .global, footer: true),
        KeyBinding([.character("H")], .showHistory, "history (spend per day and hour)", in: .global), // ledger: issue 11
        KeyBinding([.character("C")], .showConformance, "GenOps conformance per service", in: .global), // conformance: issue 13
        KeyBinding([.escape], .back, "back", in: .global),
        KeyBinding([.character("j"), .down], .moveDown, "down", in: .global),
        KeyBinding([.character("k"), .up], .moveUp, "up", in: .global),
        KeyBinding([.pageDown], .pageDown, "page down", in: .global),
        KeyBinding([.pageUp], .pageUp, "page up", in: .global),
        KeyBinding([.character("g"), .home], .moveToTop, "top", in: .global),
        KeyBinding([.character("G"), .end], .moveToBottom, "bottom", in: .global),
    ]

    private static let dashboard: [KeyBinding] = [
        KeyBinding([.enter], .zoomFocused, "zoom", in: .dashboard, footer: true),
    ]

    private static let traces: [KeyBinding] = [
        KeyBinding([.enter], .openTrace, "open trace", in: .traces, footer: true),
        KeyBinding([.character("/")], .editFilter, "filter", in: .traces, footer: true),
        KeyBinding([.character("s")], .cycleSort, "sort", in: .traces, footer: true),
        KeyBinding([.character("S")], .reverseSort, "reverse", in: .traces, footer: true),
        KeyBinding([.character("y")], .copyTraceID, "copy trace id", in: .traces),
    ]

    /// `g` here overrides the global `g` (top): Teams needs a key for its dimension and `g` is
    /// the one the issue names. Home still goes to the top; the help overlay says so.
    private static let teams: [KeyBinding] = [
        KeyBinding([.character("g")], .cycleDimension, "group by", in: .teams, footer: true),
        KeyBinding([.enter], .showGroupTraces, "traces of group", in: .teams, footer: true),
    ]

    private static let alerts: [KeyBinding] = [
        KeyBinding([.character("a")], .acknowledgeAlert, "acknowledge", in: .alerts, footer: true),
        KeyBinding([.character("c")], .clearResolvedAlerts, "clear resolved", in: .alerts, footer: true),
    ]

    private static let traceDetail: [KeyBinding] = [
        KeyBinding([.enter, .character(" ")], .toggleCollapse, "collapse/expand", in: .traceDetail, footer: true),
        KeyBinding([.character("h"), .left], .collapseOrParent, "collapse, then parent", in: .traceDetail),
        KeyBinding([.character("l"), .right], .expandOrChild, "expand, then child", in: .traceDetail),
        KeyBinding([.character("n")], .nextProblem, "next error", in: .traceDetail, footer: true),
        KeyBinding([.character("N")], .previousProblem, "previous error", in: .traceDetail, footer: true),
        KeyBinding([.character("J")], .scrollDetailDown, "scroll span detail down", in: .traceDetail),
        KeyBinding([.character("K")], .scrollDetailUp, "scroll span detail up", in: .traceDetail),
        KeyBinding([.character("y")], .copyTraceID, "copy trace id", in: .traceDetail, footer: true),
        KeyBinding([.character("e")], .exportTrace, "export OTLP JSON", in: .traceDetail, footer: true),
        KeyBinding([.escape], .back, "back to the list", in: .traceDetail, footer: true),
    ]

    // ledger (issue 11): the History screen; j/k choose the group.
    private static let history: [KeyBinding] = [
        KeyBinding([.character("g")], .cycleDimension, "group by", in: .history, footer: true),
        KeyBinding([.character("j"), .down], .moveDown, "next group", in: .history, footer: true),
        KeyBinding([.character("k"), .up], .moveUp, "previous group", in: .history),
        KeyBinding([.escape], .back, "back", in: .history, footer: true),
    ]

    // conformance (issue 13): j/k choose a service or rule, Enter opens an example trace.
    private static let conformance: [KeyBinding] = [
        KeyBinding([.enter], .openConformanceExample, "open example trace", in: .conformance, footer: true),
        KeyBinding([.character("j"), .down], .moveDown, "next row", in: .conformance, footer: true),
        KeyBinding([.character("k"), .up], .moveUp, "previous row", in: .conformance),
        KeyBinding([.escape], .back, "back", in: .conformance, footer: true),
    ]

    private static let filterInput: [KeyBinding] = [
        KeyBinding([.enter], .applyFilter, "apply", in: .filterInput, footer: true),
        KeyBinding([.escape], .cancelFilter, "cancel", in: .filterInput, footer: true),
        KeyBinding([.ctrl("u")], .clearInput, "clear", in: .filterInput, footer: true),
        KeyBinding([.backspace], .deleteBackward, "delete left", in: .filterInput),
        KeyBinding([.delete], .deleteForward, "delete right", in: .filterInput),
        KeyBinding([.left], .cursorLeft, "cursor left", in: .filterInput),
        KeyBinding([.right], .cursorRight, "cursor right", in: .filterInput),
        KeyBinding([.home, .ctrl("a")], .cursorHome, "cursor to start", in: .filterInput),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, "cursor to end", in: .filterInput),
        KeyBinding([.ctrl("c")], .quit, "quit", in: .filterInput),
    ]

    private static let help: [KeyBinding] = [
        KeyBinding([.escape, .character("?"), .character("q"), .function(1)], .closeHelp, "close help", in: .help, footer: true),
        KeyBinding([.character("j"), .down], .moveDown, "scroll down", in: .help),
        KeyBinding([.character("k"), .up], .moveUp, "scroll up", in: .help),
        KeyBinding([.pageDown], .pageDown, "page down", in: .help),
        KeyBinding([.pageUp], .pageUp, "page up", in: .help),
        KeyBinding([.character("g"), .home], .moveToTop, "top", in: .help),
        KeyBinding([.character("G"), .end], .moveToBottom, "bottom", in: .help),
        KeyBinding([.ctrl("c")], .quit, "quit", in: .help),
    ]
}
