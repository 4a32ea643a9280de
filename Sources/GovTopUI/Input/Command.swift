/// Everything a key can ask the dashboard to do. Which key does what, and where, is data in
/// `KeyBindings`; what each command does is `NavigationState`'s business.
public enum Command: Hashable, Sendable, CaseIterable {
    // Everywhere.
    case quit, toggleHelp, togglePause, cycleTheme
    case focusNext, focusPrevious, back
    case zoomTraces, zoomTeams, zoomBudgets, zoomAlerts, zoomSpendChart
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
    // The four-panel dashboard.
    case zoomFocused
    // Traces.
    case openTrace, cycleSort, reverseSort, editFilter, copyTraceID
    // Teams.
    case cycleDimension, showGroupTraces
    // Alerts.
    case acknowledgeAlert, clearResolvedAlerts
    // Trace detail.
    case toggleCollapse, collapseOrParent, expandOrChild, nextProblem, previousProblem
    case scrollDetailDown, scrollDetailUp, exportTrace
    // Filter input.
    case applyFilter, cancelFilter, deleteBackward, deleteForward
    case cursorLeft, cursorRight, cursorHome, cursorEnd, clearInput
    // Help overlay.
    case closeHelp
    // History (ledger: issue 11).
    case showHistory
    // Conformance (issue 13).
    case showConformance, openConformanceExample
}
