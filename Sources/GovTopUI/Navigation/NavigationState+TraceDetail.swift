extension NavigationState {
    /// Changes the open trace's state, then re-aligns its selection with the (possibly changed)
    /// visible rows and starts the span detail from the top when another span got selected.
    mutating func updateDetail(_ context: NavigationContext, _ change: (inout TraceDetailState, ListFrame) -> Void) {
        guard var detail = traceDetail else { return }
        let before = detail.selection.anchor
        change(&detail, detail.frame(of: context.waterfall, visibleRows: context.waterfallVisibleRows))
        detail.selection.reconcile(with: detail.frame(of: context.waterfall, visibleRows: context.waterfallVisibleRows))
        if before != nil, detail.selection.anchor != before { detail.detailScroll = 0 }
        detail.detailScroll = min(max(detail.detailScroll, 0),
                                  Self.maxScroll(lines: context.detailLineCount, visible: context.detailVisibleRows))
        traceDetail = detail
    }

    mutating func performInDetail(_ command: Command, context: NavigationContext) -> [NavigationAction] {
        guard let detail = traceDetail else { return [] }
        let rows = context.waterfall
        let selected = detail.selectedSpanID.flatMap { id in rows.firstIndex { $0.spanID == id } }
        var actions: [NavigationAction] = []
        switch command {
        case .exportTrace:
            return [.exportTrace(traceID: detail.traceID)]
        case .scrollDetailDown:
            updateDetail(context) { detail, _ in detail.detailScroll += 1 }
        case .scrollDetailUp:
            updateDetail(context) { detail, _ in detail.detailScroll -= 1 }
        case .toggleCollapse:
            guard let selected, rows[selected].hasChildren else { break }
            let id = rows[selected].spanID
            updateDetail(context) { detail, _ in
                if detail.collapsed.remove(id) == nil { detail.collapsed.insert(id) }
            }
        case .collapseOrParent:
            guard let selected else { break }
            let row = rows[selected]
            if row.hasChildren, !detail.collapsed.contains(row.spanID) {
                updateDetail(context) { detail, _ in detail.collapsed.insert(row.spanID) }
            } else if let parent = TraceDetailState.ancestors(of: selected, in: rows).first {
                selectSpan(rows[parent].spanID, context: context)
            }
        case .expandOrChild:
            guard let selected, rows[selected].hasChildren else { break }
            let row = rows[selected]
            if detail.collapsed.contains(row.spanID) {
                updateDetail(context) { detail, _ in detail.collapsed.remove(row.spanID) }
            } else if selected + 1 < rows.count {
                selectSpan(rows[selected + 1].spanID, context: context)
            }
        case .nextProblem, .previousProblem:
            actions = jumpToProblem(forward: command == .nextProblem, from: selected, context: context)
        default:
            break
        }
        return actions
    }

    /// n/N: the next error or violation in tree order, wrapping around; collapsed ancestors of
    /// the target open so it can be seen.
    private mutating func jumpToProblem(forward: Bool, from selected: Int?, context: NavigationContext) -> [NavigationAction] {
        let rows = context.waterfall
        guard !rows.isEmpty else { return [] }
        let start = selected ?? (forward ? rows.count - 1 : 0)
        for step in 1...rows.count {
            let raw = forward ? start + step : start - step
            let position = (raw % rows.count + rows.count) % rows.count
            guard position != start else { break }
            guard rows[position].isProblem else { continue }
            let ancestors = TraceDetailState.ancestors(of: position, in: rows).map { rows[$0].spanID }
            updateDetail(context) { detail, _ in
                for id in ancestors { detail.collapsed.remove(id) }
            }
            selectSpan(rows[position].spanID, context: context)
            let wrapped = forward ? raw >= rows.count : raw < 0
            return wrapped ? [.notify(forward ? "search wrapped to the top" : "search wrapped to the bottom")] : []
        }
        let onlyHere = selected.map { rows[$0].isProblem } ?? false
        return [.notify(onlyHere ? "no other errors or violations in this trace" : "no errors or violations in this trace")]
    }

    /// Selects the span (a row of the waterfall) by id.
    mutating func selectSpan(_ spanID: String, context: NavigationContext) {
        updateDetail(context) { detail, _ in
            detail.selection.select(key: spanID, in: detail.frame(of: context.waterfall, visibleRows: context.waterfallVisibleRows))
        }
    }
}
