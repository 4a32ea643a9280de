/// A trace as a waterfall: per row the span name indented by depth with a ▸/▾ disclosure mark, a
/// mark at the end of the name column (✗ error in `critical`, else ⚑ policy violation in
/// `warning`; ASCII "!" and "*"), then a bar on a time axis shared by all rows
/// (0 … `totalDuration`), coloured by service. An optional header row shows axis labels spread
/// evenly over the bar area. The selected row is drawn in the `selection` role except its bar.
public struct Waterfall: Sendable {
    public var totalDuration: Double
    /// Columns for indentation, mark and name; nil: 40% of the width, at least 12.
    public var nameWidth: Int?
    /// Labels spread evenly from the left to the right end of the bar area, e.g. ["0", "1 s", "2 s"].
    public var axisLabels: [String]
    public var ascii: Bool

    public init(totalDuration: Double, nameWidth: Int? = nil, axisLabels: [String] = [], ascii: Bool = false) {
        self.totalDuration = totalDuration
        self.nameWidth = nameWidth
        self.axisLabels = axisLabels
        self.ascii = ascii
    }

    /// How many span rows fit in `area` under the axis row.
    public func visibleRows(in area: Rect) -> Int {
        max(0, area.height - (axisLabels.isEmpty ? 0 : 1))
    }

    /// Draws rows `0..<rowCount`, asking `row(index)` only for visible ones; `state` is made valid
    /// with `scrolledToShow` first (the caller's copy is not changed).
    public func render(into canvas: inout Canvas, area: Rect, state: ListState, rowCount: Int, row: (Int) -> WaterfallSpan) {
        guard !area.isEmpty else { return }
        let nameColumns = min(area.width, nameWidth.map { max(0, $0) } ?? max(12, area.width * 2 / 5))
        let barArea = Rect(x: area.x + nameColumns + 1, y: area.y, width: area.width - nameColumns - 1, height: area.height)
        var body = area
        if !axisLabels.isEmpty {
            drawAxis(into: &canvas, bar: barArea.row(0))
            body = area.inset(top: 1)
        }
        let visible = visibleRows(in: area)
        let shownState = state.scrolledToShow(rowCount: rowCount, visibleRows: visible)
        for (line, index) in shownState.visibleRange(rowCount: rowCount, visibleRows: visible).enumerated() {
            let y = body.y + line
            let selected = index == shownState.selected
            let span = row(index)
            canvas.fill(body.row(line), style: CellStyle(selected ? .selection : .text))
            drawName(span, into: &canvas, x: area.x, y: y, width: nameColumns, selected: selected)
            drawBar(span, into: &canvas, bar: Rect(x: barArea.x, y: y, width: barArea.width, height: 1), selected: selected)
        }
    }

    /// Draws all of `rows`.
    public func render(into canvas: inout Canvas, area: Rect, state: ListState, rows: [WaterfallSpan]) {
        render(into: &canvas, area: area, state: state, rowCount: rows.count) { rows[$0] }
    }

    private func drawAxis(into canvas: inout Canvas, bar: Rect) {
        guard !bar.isEmpty else { return }
        var free = bar.x
        let count = axisLabels.count
        for (index, raw) in axisLabels.enumerated() {
            let label = TerminalText.sanitize(raw)
            let labelWidth = label.displayWidth
            let anchor = count == 1 ? 0 : (bar.width - 1) * index / (count - 1)
            let start: Int
            if index == 0 {
                start = bar.x
            } else if index == count - 1 {
                start = bar.maxX - labelWidth
            } else {
                start = bar.x + anchor - labelWidth / 2
            }
            guard start >= free, start + labelWidth <= bar.maxX else { continue }
            canvas.put(label, at: start, y: bar.y, style: CellStyle(.muted))
            free = start + labelWidth + 1
        }
    }

    private func drawName(_ span: WaterfallSpan, into canvas: inout Canvas, x: Int, y: Int, width: Int, selected: Bool) {
        guard width > 0 else { return }
        let marked = span.isError || span.isViolation
        let markColumns = marked ? 2 : 0
        let indent = min(max(0, min(span.depth, Canvas.maxSide)) * 2, max(0, width - 8))
        let mark: String = switch span.disclosure {
        case .leaf: "  "
        case .collapsed: ascii ? "+ " : "▸ "
        case .expanded: ascii ? "- " : "▾ "
        }
        let style = CellStyle(selected ? .selection : .text)
        var column = x + indent
        column += canvas.put(mark, at: column, y: y, style: CellStyle(selected ? .selection : .muted), maxWidth: x + width - column)
        canvas.put(span.name, at: column, y: y, style: style, maxWidth: x + width - markColumns - column, overflow: .ellipsis(ascii: ascii))
        if marked, width >= 2 {
            let (mark, role) = span.isError ? (ascii ? "!" : "✗", Role.critical) : (ascii ? "*" : "⚑", Role.warning)
            canvas.put(mark, at: x + width - 1, y: y, style: CellStyle(role, .bold))
        }
    }

    private func drawBar(_ span: WaterfallSpan, into canvas: inout Canvas, bar: Rect, selected: Bool) {
        guard bar.width > 0, totalDuration > 0, totalDuration.isFinite, !span.start.isNaN, !span.end.isNaN else { return }
        let width = Double(bar.width)
        var first = Int((BlockGlyphs.clampedFraction(span.start / totalDuration) * width).rounded(.down))
        var last = Int((BlockGlyphs.clampedFraction(max(span.start, span.end) / totalDuration) * width).rounded(.up))
        first = min(first, bar.width - 1)
        last = max(last, first + 1)
        canvas.put(String(repeating: ascii ? "=" : BlockGlyphs.full, count: last - first), at: bar.x + first, y: bar.y, style: CellStyle(.service(span.serviceIndex)))
        guard let label = span.label.map(TerminalText.sanitize), !label.isEmpty else { return }
        let labelStyle = CellStyle(selected ? .selection : .muted)
        if last + 1 + label.displayWidth <= bar.width {
            canvas.put(label, at: bar.x + last + 1, y: bar.y, style: labelStyle)
        } else if first - 1 - label.displayWidth >= 0 {
            canvas.put(label, at: bar.x + first - 1 - label.displayWidth, y: bar.y, style: labelStyle)
        }
    }
}
