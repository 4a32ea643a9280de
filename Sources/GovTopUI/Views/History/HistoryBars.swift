/// Vertical bars, one per value, oldest at the left, with an optional limit marked across the
/// chart: bars above the limit turn critical, and the limit's row shows a dashed line where a bar
/// does not reach it. Only draws; the caller picks the values and the scale's top.
struct HistoryBars {
    var values: [Double]
    /// Drawn as a line at its height when it is within the scale.
    var limit: Double?
    var ascii: Bool

    func render(into canvas: inout Canvas, area: Rect) {
        guard !values.isEmpty, area.width > 0, area.height > 0 else { return }
        let shown = Array(values.suffix(area.width))
        let barWidth = max(1, area.width / shown.count)
        let top = max(shown.max() ?? 0, limit ?? 0)
        let eighthsHigh = area.height * 8
        let limitRow = limit.flatMap { limit -> Int? in
            guard top > 0, limit > 0 else { return nil }
            let filled = Int((limit / top * Double(area.height)).rounded(.up))
            return area.maxY - max(1, min(area.height, filled))
        }
        for (index, value) in shown.enumerated() {
            let x = area.x + index * barWidth
            let eighths = top > 0 && value > 0 ? max(1, Int((value / top * Double(eighthsHigh)).rounded())) : 0
            let over = limit.map { $0 > 0 && value > $0 } ?? false
            for row in 0..<area.height {
                let y = area.maxY - 1 - row
                let level = eighths - row * 8
                let glyph: String
                if level >= 8 {
                    glyph = ascii ? "#" : BlockGlyphs.full
                } else if level > 0 {
                    glyph = ascii ? (level >= 4 ? "#" : ".") : BlockGlyphs.levels[level - 1]
                } else if y == limitRow {
                    glyph = ascii ? "-" : "╌"
                } else {
                    continue
                }
                let style = level > 0 ? CellStyle(over ? .critical : .sparkline) : CellStyle(.warning)
                for column in 0..<min(barWidth, area.maxX - x) {
                    canvas.put(glyph, at: x + column, y: y, style: style)
                }
            }
        }
    }
}
