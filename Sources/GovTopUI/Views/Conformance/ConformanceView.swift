import GovTopCore

/// The Conformance screen (`C`): each service that sent spans with its GenOps level (worst first),
/// and under it the rules it broke with the specification's section and how many AWUs broke each.
/// Enter opens the selected row's latest example trace with the offending span selected.
struct ConformanceView {
    var report: ConformanceReport
    var selected: Int
    var ascii: Bool

    func render(into canvas: inout Canvas, area: Rect) {
        let title = "GenOps conformance" + ViewGlyphs.separator(ascii: ascii) + "specification " + report.specVersion
        let inner = Box(title: title, trailingTitle: "Enter example", focused: true, ascii: ascii).render(into: &canvas, area: area)
        let rows = ConformanceRow.rows(report)
        guard !rows.isEmpty else {
            canvas.put("no spans yet: services appear here as their telemetry arrives", at: inner.x, y: inner.y,
                       style: CellStyle(.muted), maxWidth: inner.width, overflow: .ellipsis(ascii: ascii))
            return
        }
        let index = min(max(0, selected), rows.count - 1)
        let first = max(0, index - inner.height + 1)
        for (offset, row) in rows.dropFirst(first).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            let isSelected = first + offset == index
            if isSelected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: CellStyle(.selection)) }
            render(row, into: &canvas, x: inner.x, y: y, width: inner.width, selected: isSelected)
        }
    }

    private func render(_ row: ConformanceRow, into canvas: inout Canvas, x: Int, y: Int, width: Int, selected: Bool) {
        func style(_ role: Role, _ bold: Bool = false) -> CellStyle {
            selected ? CellStyle(.selection) : bold ? CellStyle(role, .bold) : CellStyle(role)
        }
        let count = String(row.count)
        guard let rule = row.rule else {
            let level = Self.label(row.level)
            let awus = row.level == .notGenOps ? "no AWU" : "\(count) AWU\(row.count == 1 ? "" : "s")"
            canvas.put(row.service, at: x, y: y, style: style(.text, true), maxWidth: max(0, width - 26), overflow: .ellipsis(ascii: ascii))
            canvas.put(level, at: max(x, x + width - 26), y: y, style: style(Self.role(row.level)), maxWidth: 15)
            canvas.put(awus, at: max(x, x + width - awus.count), y: y, style: style(.muted))
            return
        }
        let text = "  " + rule.rawValue + " (" + ViewGlyphs.section(ascii: ascii) + rule.section + ")"
        canvas.put(text, at: x, y: y, style: style(rule.isAccountingInvariant ? .warning : .critical),
                   maxWidth: max(0, width - count.count - 1), overflow: .ellipsis(ascii: ascii))
        canvas.put(count, at: x + width - count.count, y: y, style: style(.text))
    }

    static func label(_ level: ConformanceLevel) -> String {
        switch level {
        case .full: "full"
        case .partial: "partial"
        case .none: "non-compliant"
        case .notGenOps: "not GenOps"
        case .unknownVersion: "unknown version"
        }
    }

    static func role(_ level: ConformanceLevel) -> Role {
        switch level {
        case .full: .ok
        case .partial: .warning
        case .none: .critical
        case .notGenOps, .unknownVersion: .muted
        }
    }
}
