import GovTopCore

extension NavigationState {
    mutating func cycleFocus(to panel: Panel) {
        switch screen {
        case .dashboard:
            focus = panel
        case .zoomed:
            focus = panel
            screen = .zoomed(panel)
        case .traceDetail, .spendChart, .history, .conformance:
            break
        }
    }

    /// 1–4 (and Enter on the dashboard): this panel full screen, with the dashboard behind it.
    mutating func zoom(_ panel: Panel) -> [NavigationAction] {
        let actions = leaveTraceDetail()
        focus = panel
        screen = .zoomed(panel)
        backStack = [.dashboard]
        return actions
    }

    /// 5: the spend chart full screen, with the dashboard behind it.
    mutating func zoomSpendChart() -> [NavigationAction] {
        let actions = leaveTraceDetail()
        screen = .spendChart
        backStack = [.dashboard]
        return actions
    }

    /// Esc: the screen before this one; the dashboard when there is none.
    mutating func back() -> [NavigationAction] {
        if screen == .dashboard { return [] }
        let actions = leaveTraceDetail()
        screen = .dashboard
        while let previous = backStack.popLast() {
            if case .traceDetail = previous { continue }
            screen = previous
            break
        }
        if case .zoomed(let panel) = screen { focus = panel }
        return actions
    }

    mutating func openSelectedTrace() -> [NavigationAction] {
        guard let id = traces.anchor else { return [] }
        push(screen)
        screen = .traceDetail(traceID: id)
        traceDetail = TraceDetailState(traceID: id)
        return [.openTrace(traceID: id)]
    }

    /// Enter on a Teams row: the Traces panel filtered to that group.
    mutating func showGroupTraces() -> [NavigationAction] {
        guard let group = teams.anchor else { return [] }
        guard let text = TraceFilter.text(selecting: group, of: teamsDimension),
              let groupFilter = try? TraceFilter(parsing: text) else {
            return [.notify("\(group) collects the groups beyond the cardinality limit; it cannot be filtered")]
        }
        filter = groupFilter
        traces.reset()
        push(screen)
        screen = .zoomed(.traces)
        focus = .traces
        return []
    }

    mutating func leaveTraceDetail() -> [NavigationAction] {
        guard case .traceDetail = screen else { return [] }
        traceDetail = nil
        return [.closeTrace]
    }

    mutating func push(_ screen: Screen) {
        backStack.append(screen)
        if backStack.count > Self.maxBackStack { backStack.removeFirst(backStack.count - Self.maxBackStack) }
    }
}
