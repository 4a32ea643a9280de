extension NavigationState {
    /// Carries out a mouse action against the frame it was hit-tested on. While the filter input
    /// is open clicks do nothing (the wheel neither); while help is open the wheel scrolls it.
    public mutating func handle(_ action: MouseAction, context: NavigationContext) -> [NavigationAction] {
        reconcile(with: context)
        guard filterDraft == nil else { return [] }
        if helpShown {
            guard case .scroll(_, let down) = action else { return [] }
            return scroll(down: down, context: context)
        }
        let before = self
        var actions: [NavigationAction] = []
        switch action {
        case .focus(let panel):
            focusByMouse(panel)
        case .select(let panel, let index):
            select(panel, index: index, context: context)
        case .activate(let panel, let index):
            guard select(panel, index: index, context: context) else { break }
            actions = handle(.enter, context: context).filter { $0 != .redraw }
        case .selectSpan(let index, let toggle):
            guard let detail = traceDetail else { break }
            let keys = detail.frame(of: context.waterfall, visibleRows: context.waterfallVisibleRows).keys
            guard keys.indices.contains(index) else { break }
            selectSpan(keys[index], context: context)
            if toggle { actions = performInDetail(.toggleCollapse, context: context) }
        case .scroll(let panel, let down):
            if let panel { focusByMouse(panel) }
            return scroll(down: down, context: context)
        }
        if self != before { actions.append(.redraw) }
        return actions
    }

    private mutating func focusByMouse(_ panel: Panel) {
        if screen == .dashboard { focus = panel }
    }

    /// Focuses the panel and selects the row, when the panel is on screen and the row exists.
    @discardableResult
    private mutating func select(_ panel: Panel, index: Int, context: NavigationContext) -> Bool {
        let frame = context.frame(of: panel)
        guard frame.keys.indices.contains(index) else { return false }
        switch screen {
        case .dashboard: focus = panel
        case .zoomed(let zoomed) where zoomed == panel: break
        default: return false
        }
        let key = frame.keys[index]
        switch panel {
        case .traces: traces.select(key: key, in: frame)
        case .teams: teams.select(key: key, in: frame)
        case .budgets: budgets.select(key: key, in: frame)
        case .alerts: alerts.select(key: key, in: frame)
        }
        return true
    }

    private mutating func scroll(down: Bool, context: NavigationContext) -> [NavigationAction] {
        let before = self
        for _ in 0..<MouseAction.wheelStep { move(down ? .down : .up, context: context) }
        return self != before ? [.redraw] : []
    }
}
