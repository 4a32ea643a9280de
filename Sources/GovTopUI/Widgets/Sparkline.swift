/// A one-row history chart: the newest values at the right edge, one column each, as ▁▂▃▄▅▆▇█
/// (ASCII `_.-=^`) scaled so `maximum` (default: the largest value shown) is the top level. Zero,
/// negative and NaN values are blank, so "no traffic" differs from "a little".
public struct Sparkline: Sendable {
    public var values: [Double]
    public var maximum: Double?
    public var ascii: Bool

    public init(values: [Double], maximum: Double? = nil, ascii: Bool = false) {
        self.values = values
        self.maximum = maximum
        self.ascii = ascii
    }

    /// The chart for the last `width` values, right-aligned and padded with spaces to `width`.
    public func glyphs(width: Int) -> String {
        let columns = min(max(0, width), Canvas.maxSide)
        let shown = values.suffix(columns)
        let levels = ascii ? BlockGlyphs.asciiLevels : BlockGlyphs.levels
        let top = maximum ?? shown.filter { !$0.isNaN }.max() ?? 0
        var out = String(repeating: " ", count: columns - shown.count)
        for value in shown {
            guard value > 0, top > 0, top.isFinite else {
                out += " "
                continue
            }
            let share = min(value / top, 1)
            let index = Int((share * Double(levels.count)).rounded(.up)) - 1
            out += levels[min(max(index, 0), levels.count - 1)]
        }
        return out
    }

    /// Draws on the first row of `area` in the `sparkline` role.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        canvas.put(glyphs(width: area.width), at: area.x, y: area.y, style: CellStyle(.sparkline), maxWidth: area.width)
    }
}
