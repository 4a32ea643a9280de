import GovTopCore

/// The trace detail screen: the span tree as a waterfall on a shared time axis (collapsed
/// subtrees hidden, per-span duration, cost and tokens after each bar, ✗ for errors and ⚑ for
/// policy violations) and the selected span's detail beside it on wide screens, below it on
/// narrow ones, scrolled by `TraceDetailState.detailScroll`.
public enum TraceDetailView {
    /// Draws the screen into the layout's waterfall and span boxes.
    public static func render(into canvas: inout Canvas, frame: DashboardFrame, state: NavigationState,
                              layout: DashboardLayout, ascii: Bool) {
        guard let detailState = state.traceDetail, let waterfallBox = layout.waterfallBox, let spanBox = layout.spanBox else { return }
        guard let trace = frame.openTrace(for: state), !trace.spans.isEmpty else {
            let inner = Box(title: "Trace \(detailState.traceID)", focused: true, ascii: ascii).render(into: &canvas, area: layout.main)
            let message = "This trace is not in the store: it was evicted, or its spans have not arrived yet."
            canvas.put(message, at: inner.x + 1, y: inner.y + 1, style: CellStyle(.muted), maxWidth: inner.width - 2, overflow: .ellipsis(ascii: ascii))
            return
        }
        let tree = TraceTree(trace)
        let visible = tree.visibleNodes(detailState)
        renderWaterfall(into: &canvas, area: waterfallBox, trace: trace, tree: tree, visible: visible, state: detailState, ascii: ascii)
        let lines = detailLines(trace: trace, tree: tree, state: detailState)
        renderSpan(into: &canvas, area: spanBox, lines: lines, scroll: detailState.detailScroll, ascii: ascii)
    }

    /// How many lines the selected span's detail has (navigation's `detailLineCount`).
    public static func detailLineCount(trace: TraceDetail, state: TraceDetailState) -> Int {
        detailLines(trace: trace, tree: TraceTree(trace), state: state).count
    }

    static func detailLines(trace: TraceDetail, tree: TraceTree, state: TraceDetailState) -> [SpanDetailLine] {
        guard let node = tree.selectedNode(state) else { return [] }
        let span = trace.spans[node.span]
        let parent = span.record.parentSpanID
        let parentInTrace = !parent.isNone && trace.spans.contains { $0.record.spanID == parent }
        return SpanDetailLines.build(span, traceStart: tree.start, parentInTrace: parentInTrace)
    }

    private static func renderWaterfall(into canvas: inout Canvas, area: Rect, trace: TraceDetail, tree: TraceTree,
                                        visible: [Int], state: TraceDetailState, ascii: Bool) {
        let totalMs = Double(tree.end - tree.start) / 1e6
        let cost = trace.spans.reduce(Money.zero) { $0 + $1.cost }.usd
        let spans = trace.spans.count == 1 ? "1 span" : "\(ViewFormat.count(trace.spans.count)) spans"
        let separator = ViewGlyphs.separator(ascii: ascii)
        var summary = spans + separator + ViewFormat.duration(milliseconds: totalMs)
        if cost > 0 { summary += separator + ViewFormat.usd(cost) }
        let title = "Trace \(String(trace.traceID.hex.prefix(8)))"
        let inner = Box(title: title, trailingTitle: summary, focused: true, ascii: ascii).render(into: &canvas, area: area)
        var services: [String: Int] = [:]
        for node in tree.nodes where services[trace.spans[node.span].service] == nil {
            services[trace.spans[node.span].service] = services.count
        }
        let axis = ["0", ViewFormat.duration(milliseconds: totalMs / 2), ViewFormat.duration(milliseconds: totalMs)]
        let waterfall = Waterfall(totalDuration: totalMs, nameWidth: max(12, inner.width * 2 / 5), axisLabels: axis, ascii: ascii)
        waterfall.render(into: &canvas, area: inner, state: ListState(state.selection, rowCount: visible.count), rowCount: visible.count) { row in
            let node = tree.nodes[visible[row]]
            let span = trace.spans[node.span]
            let record = span.record
            let start = Double(record.startTimeUnixNano &- min(tree.start, record.startTimeUnixNano)) / 1e6
            let disclosure: WaterfallSpan.Disclosure = !node.hasChildren ? .leaf
                : state.collapsed.contains(node.key) ? .collapsed : .expanded
            return WaterfallSpan(depth: node.depth, name: record.name, start: start, end: start + Double(record.durationNanos) / 1e6,
                                 serviceIndex: services[span.service] ?? 0, isError: node.isError, isViolation: node.isViolation,
                                 disclosure: disclosure, label: label(span))
        }
    }

    /// `320ms $0.0032 1.2k tok`: duration, then cost and tokens when the span has them, and
    /// `!invalid` when a value of the span was rejected at the door (not counted).
    static func label(_ span: SpanView) -> String {
        var text = ViewFormat.duration(milliseconds: Double(span.record.durationNanos) / 1e6)
        if span.costUSD != 0 { text += " " + ViewFormat.usd(span.costUSD) }
        let tokens = span.inputTokens + span.outputTokens
        if tokens != 0 { text += " " + ViewFormat.count(tokens) + " tok" }
        if !span.invalidValues.isEmpty { text += " !invalid" }
        return text
    }

    private static func renderSpan(into canvas: inout Canvas, area: Rect, lines: [SpanDetailLine], scroll: Int, ascii: Bool) {
        let visible = max(0, area.height - 2)
        let first = min(max(0, scroll), max(0, lines.count - max(1, visible)))
        let shown = lines.dropFirst(first).prefix(visible)
        let dash = ViewGlyphs.rangeDash(ascii: ascii)
        let trailing = shown.count < lines.count ? "\(first + 1)\(dash)\(first + shown.count)/\(lines.count)" : nil
        let inner = Box(title: "Span", trailingTitle: trailing, ascii: ascii).render(into: &canvas, area: area).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        // Keys get what the values do not need (values keep up to half when they need it); a key
        // that still does not fit loses leading segments (`…evaluation.score.value`).
        var widestKey = 0, widestValue = 0
        for line in lines where line.kind == .attribute {
            widestKey = max(widestKey, line.indent + 2 + TerminalText.sanitize(line.label).displayWidth + 1)
            widestValue = max(widestValue, TerminalText.sanitize(line.value).displayWidth)
        }
        let keyWidth = min(widestKey, max(8, inner.width - min(widestValue, inner.width / 2)))
        let ellipsis = ascii ? DisplayWidth.asciiEllipsis : DisplayWidth.ellipsis
        let overflow = Overflow.ellipsis(ascii: ascii)
        for (offset, line) in shown.enumerated() {
            let y = inner.y + offset
            var x = inner.x
            switch line.kind {
            case .title:
                canvas.put(line.value, at: x, y: y, style: CellStyle(.title, .bold), maxWidth: inner.width, overflow: overflow)
            case .heading:
                canvas.put(line.value, at: x, y: y, style: CellStyle(.header, .bold), maxWidth: inner.width, overflow: overflow)
            case .field:
                canvas.put(line.label, at: x, y: y, style: CellStyle(.muted), maxWidth: 9)
                canvas.put(line.value, at: x + 9, y: y, style: CellStyle(line.role), maxWidth: inner.maxX - x - 9, overflow: overflow)
            case .attribute:
                x += 2 + line.indent
                let room = inner.x + keyWidth - x - 1
                let key = DisplayWidth.shortenDotted(TerminalText.sanitize(line.label), toWidth: room, ellipsis: ellipsis)
                canvas.put(key, at: x, y: y, style: CellStyle(.key), maxWidth: room, overflow: overflow)
                x = max(inner.x + keyWidth, x + 1)
                canvas.put(line.value, at: x, y: y, style: CellStyle(line.role), maxWidth: inner.maxX - x, overflow: overflow)
            case .event:
                x += 2
                x += canvas.put(line.label, at: x, y: y, style: CellStyle(.info), maxWidth: inner.maxX - x)
                canvas.put(" " + line.value, at: x, y: y, style: CellStyle(line.role), maxWidth: inner.maxX - x, overflow: overflow)
            case .blank:
                break
            }
        }
    }
}
