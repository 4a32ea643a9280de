/// One line of a `LineChart`: points in data coordinates, joined in order.
public struct ChartLine: Sendable, Hashable {
    public var xs: [Double]
    public var ys: [Double]
    public var role: Role
    public var dashed: Bool

    public init(xs: [Double], ys: [Double], role: Role, dashed: Bool = false) {
        self.xs = xs
        self.ys = ys
        self.role = role
        self.dashed = dashed
    }

    /// Values at x = 0, 1, 2, ...
    public init(values: [Double], role: Role, dashed: Bool = false) {
        self.init(xs: values.indices.map(Double.init), ys: values, role: role, dashed: dashed)
    }
}

/// A horizontal line across a chart at a value (a limit, a threshold), labelled at the right.
public struct ChartRule: Sendable, Hashable {
    public var value: Double
    public var label: String
    public var role: Role

    public init(value: Double, label: String, role: Role) {
        self.value = value
        self.label = label
        self.role = role
    }
}

/// A label under the x axis at a fraction (0 left edge, 1 right edge) of the plot's width.
public struct ChartTick: Sendable, Hashable {
    public var position: Double
    public var text: String

    public init(_ position: Double, _ text: String) {
        self.position = position
        self.text = text
    }
}

/// A line chart drawn with braille dots (ASCII: `.`, `'`, `:`): a y axis at the left with the top,
/// middle and zero values (`yLabel` spells them), labels under the plot, horizontal rules, and the
/// lines, later ones over earlier ones. The y range is 0 to a round number at or above the largest
/// value (or `yMinimumTop`), so small spend is not blown up to full height. Pure.
public struct LineChart: Sendable {
    public var lines: [ChartLine]
    public var rules: [ChartRule]
    public var xRange: ClosedRange<Double>
    public var yMinimumTop: Double
    public var ticks: [ChartTick]
    public var yLabel: @Sendable (Double) -> String
    public var ascii: Bool

    public init(lines: [ChartLine], rules: [ChartRule] = [], xRange: ClosedRange<Double>, yMinimumTop: Double = 0,
                ticks: [ChartTick] = [], ascii: Bool = false, yLabel: @escaping @Sendable (Double) -> String) {
        self.lines = lines
        self.rules = rules
        self.xRange = xRange
        self.yMinimumTop = yMinimumTop
        self.ticks = ticks
        self.yLabel = yLabel
        self.ascii = ascii
    }

    /// The top of the y axis: the largest value or rule, rounded up to 1, 2 or 5 times a power of
    /// ten; 1 when everything is zero.
    public var yTop: Double {
        var top = yMinimumTop.isFinite ? max(0, yMinimumTop) : 0
        for line in lines { for y in line.ys where y.isFinite { top = max(top, y) } }
        for rule in rules where rule.value.isFinite { top = max(top, rule.value) }
        return Self.roundUp(top)
    }

    static func roundUp(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var scale = 1.0
        while scale * 10 <= value { scale *= 10 }
        while scale > value { scale /= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where step * scale >= value * (1 - 1e-12) { return step * scale }
        return 10 * scale
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.width >= 8, area.height >= 3 else { return }
        let top = yTop
        let labels = [yLabel(top), yLabel(top / 2), yLabel(0)]
        let axisWidth = min(area.width / 3, labels.map(\.displayWidth).max() ?? 0) + 1
        let plot = Rect(x: area.x + axisWidth, y: area.y, width: area.width - axisWidth, height: area.height - 1)
        drawAxis(into: &canvas, plot: plot, labels: labels, axisWidth: axisWidth)
        var grid = DotGrid(columns: plot.width, rows: plot.height)
        let span = xRange.upperBound - xRange.lowerBound
        func dotX(_ x: Double) -> Int {
            guard span > 0, x.isFinite else { return 0 }
            return Int(((x - xRange.lowerBound) / span * Double(grid.dotWidth - 1)).rounded())
        }
        func dotY(_ y: Double) -> Int {
            let value = y.isFinite ? min(max(y, 0), top) : 0
            return grid.dotHeight - 1 - Int((value / top * Double(grid.dotHeight - 1)).rounded())
        }
        for rule in rules where rule.value.isFinite && rule.value >= 0 {
            grid.line(from: (0, dotY(rule.value)), to: (grid.dotWidth - 1, dotY(rule.value)), role: rule.role, dashed: true)
        }
        for line in lines {
            let count = min(line.xs.count, line.ys.count)
            guard count > 0 else { continue }
            var previous = (x: dotX(line.xs[0]), y: dotY(line.ys[0]))
            if count == 1 { grid.set(x: previous.x, y: previous.y, role: line.role) }
            for index in 1..<max(1, count) {
                let point = (x: dotX(line.xs[index]), y: dotY(line.ys[index]))
                grid.line(from: previous, to: point, role: line.role, dashed: line.dashed)
                previous = point
            }
        }
        grid.render(into: &canvas, area: plot, ascii: ascii)
        for rule in rules where rule.value.isFinite && rule.value >= 0 && rule.value <= top && !rule.label.isEmpty {
            let row = plot.y + dotY(rule.value) / 4
            let width = rule.label.displayWidth
            canvas.put(rule.label, at: max(plot.x, plot.maxX - width), y: row, style: CellStyle(rule.role), maxWidth: plot.width)
        }
        drawTicks(into: &canvas, plot: plot, row: area.maxY - 1)
    }

    private func drawAxis(into canvas: inout Canvas, plot: Rect, labels: [String], axisWidth: Int) {
        let rows = [plot.y, plot.y + (plot.height - 1) / 2, plot.maxY - 1]
        let axis = ascii ? "|" : "│"
        for row in plot.y..<plot.maxY { canvas.setGlyph(axis, x: plot.x - 1, y: row, style: CellStyle(.border)) }
        for (label, row) in zip(labels, rows) {
            let text = DisplayWidth.padLeft(label, toWidth: axisWidth - 1)
            canvas.put(text, at: plot.x - axisWidth, y: row, style: CellStyle(.muted), maxWidth: axisWidth - 1)
            canvas.setGlyph(ascii ? "+" : "┤", x: plot.x - 1, y: row, style: CellStyle(.border))
        }
    }

    private func drawTicks(into canvas: inout Canvas, plot: Rect, row: Int) {
        var drawnUpTo = plot.x
        for tick in ticks {
            let width = tick.text.displayWidth
            let center = plot.x + Int((min(max(tick.position, 0), 1) * Double(max(0, plot.width - 1))).rounded())
            let x = min(max(plot.x, center - width / 2), plot.maxX - width)
            guard x >= drawnUpTo else { continue }
            canvas.put(tick.text, at: x, y: row, style: CellStyle(.muted), maxWidth: plot.maxX - x)
            drawnUpTo = x + width + 1
        }
    }
}
