/// A grid of styled cells that every screen is drawn into by pure code. The terminal layer only
/// blits it; tests compare `text` with golden files; exporters turn it into ANSI or SVG.
///
/// Invariants kept by every drawing call: a cell of width 2 is always followed by its continuation
/// cell, a continuation always follows a width-2 cell, and no cell holds a control character.
public struct Canvas: Hashable, Sendable {
    /// The largest width or height a canvas takes; bigger requests are clamped so a bogus terminal
    /// size can never allocate without bound.
    public static let maxSide = 4_096

    public let width: Int
    public let height: Int
    /// Row-major cells, `width * height` of them.
    public internal(set) var cells: [Cell]

    /// A canvas of blank cells in the `text` role. Negative sizes become 0, sizes above `maxSide`
    /// become `maxSide`.
    public init(width: Int, height: Int) {
        self.width = min(max(0, width), Canvas.maxSide)
        self.height = min(max(0, height), Canvas.maxSide)
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    /// The whole canvas as a rectangle at (0, 0).
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (`x`, `y`), or nil outside the canvas.
    public func cell(x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// One row as text, continuation cells skipped, trailing spaces kept ("" outside the canvas).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for cell in cells[(y * width)..<(y * width + width)] where !cell.isContinuation {
            line += cell.grapheme
        }
        return line
    }

    /// The canvas as text for golden tests: each row with trailing spaces trimmed, rows joined by
    /// one "\n" (no newline after the last row).
    public var text: String {
        (0..<height).map { y in
            var line = Substring(self.line(y))
            while line.last == " " { line.removeLast() }
            return String(line)
        }.joined(separator: "\n")
    }
}
