/// A share bar: `fraction` of the width filled (eighths of a column with UTF-8, "#" with ASCII),
/// the rest blank. For "share of cost" columns; unlike `Gauge` it has no level or label.
public struct Bar: Sendable {
    public var fraction: Double
    public var role: Role
    public var ascii: Bool

    public init(fraction: Double, role: Role = .info, ascii: Bool = false) {
        self.fraction = fraction
        self.role = role
        self.ascii = ascii
    }

    /// The bar as text exactly `width` columns wide, e.g. for a table cell.
    public func text(width: Int) -> String {
        let columns = min(max(0, width), Canvas.maxSide)
        let (filled, used) = BlockGlyphs.bar(fraction: fraction, width: columns, ascii: ascii)
        return filled + String(repeating: " ", count: columns - used)
    }

    /// Draws on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        canvas.put(text(width: area.width), at: area.x, y: area.y, style: CellStyle(role), maxWidth: area.width)
    }
}
