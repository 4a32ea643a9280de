/// A plotting surface of `columns` × `rows` cells with 2 × 4 dots each, drawn as braille (btop's
/// charts), or one mark per cell in ASCII. Each cell keeps the role of the last line drawn
/// through it. Pure: lines are plotted into it, then it is drawn into a `Canvas`.
public struct DotGrid: Sendable {
    public let columns: Int
    public let rows: Int
    private var dots: [UInt8]
    private var roles: [Role?]

    /// Dot bits of the braille block by (x, y) inside a cell (Unicode's numbering 1-8).
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    /// Every braille pattern, U+2800 to U+28FF, as a string.
    private static let braille: [String] = (0..<256).map { String(Character(Unicode.Scalar(0x2800 + $0)!)) }

    public init(columns: Int, rows: Int) {
        self.columns = min(max(0, columns), Canvas.maxSide)
        self.rows = min(max(0, rows), Canvas.maxSide)
        dots = Array(repeating: 0, count: self.columns * self.rows)
        roles = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// Dots across and down.
    public var dotWidth: Int { columns * 2 }
    public var dotHeight: Int { rows * 4 }

    /// Sets the dot at (`x`, `y`), y growing downwards; outside the grid nothing happens.
    public mutating func set(x: Int, y: Int, role: Role) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        dots[cell] |= Self.bits[x % 2][y % 4]
        roles[cell] = role
    }

    /// A straight line of dots between two dot positions (Bresenham); `dashed` leaves gaps.
    public mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), role: Role, dashed: Bool = false) {
        let limit = 4 * Canvas.maxSide
        var x = min(max(start.x, -limit), limit), y = min(max(start.y, -limit), limit)
        let endX = min(max(end.x, -limit), limit), endY = min(max(end.y, -limit), limit)
        let dx = abs(endX - x), dy = -abs(endY - y)
        let stepX = x < endX ? 1 : -1, stepY = y < endY ? 1 : -1
        var error = dx + dy
        var count = 0
        while true {
            if !dashed || count % 4 < 2 { set(x: x, y: y, role: role) }
            count += 1
            if x == endX && y == endY { break }
            let doubled = 2 * error
            if doubled >= dy { error += dy; x += stepX }
            if doubled <= dx { error += dx; y += stepY }
        }
    }

    /// Draws the cells with any dot set at `area`'s top-left; empty cells are left as they are.
    public func render(into canvas: inout Canvas, area: Rect, ascii: Bool) {
        for row in 0..<min(rows, area.height) {
            for column in 0..<min(columns, area.width) {
                let cell = row * columns + column
                let pattern = dots[cell]
                guard pattern != 0, let role = roles[cell] else { continue }
                let glyph = ascii ? Self.asciiMark(pattern) : Self.braille[Int(pattern)]
                canvas.setGlyph(glyph, x: area.x + column, y: area.y + row, style: CellStyle(role))
            }
        }
    }

    /// `'` for dots only in the top half of a cell, `.` for the bottom half, `:` for both.
    private static func asciiMark(_ pattern: UInt8) -> String {
        let top = pattern & 0x1B != 0, bottom = pattern & 0xE4 != 0
        return top && bottom ? ":" : top ? "'" : "."
    }
}
