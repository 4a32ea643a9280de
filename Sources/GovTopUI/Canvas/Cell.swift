/// One column of the canvas. A wide (2-column) grapheme sits in its left cell with `width == 2`;
/// the cell to its right is a continuation (`width == 0`, empty grapheme) that exporters skip.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already sanitized; "" in a continuation cell.
    public internal(set) var grapheme: String
    /// 1, 2 (the left half of a wide character) or 0 (the right half).
    public internal(set) var width: Int
    public var style: CellStyle

    init(grapheme: String, width: Int, style: CellStyle) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in `style`.
    public static func blank(_ style: CellStyle = CellStyle()) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    static func continuation(_ style: CellStyle) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
