/// What `put` does with text that is wider than the room it has.
public enum Overflow: Hashable, Sendable {
    /// Cut at the edge.
    case clip
    /// Cut one column earlier and end with "…".
    case ellipsis
    /// Cut one column earlier and end with "~", for terminals without UTF-8.
    case asciiEllipsis

    /// `.asciiEllipsis` when `ascii`, else `.ellipsis`.
    public static func ellipsis(ascii: Bool) -> Overflow {
        ascii ? .asciiEllipsis : .ellipsis
    }

    var marker: String? {
        switch self {
        case .clip: nil
        case .ellipsis: DisplayWidth.ellipsis
        case .asciiEllipsis: DisplayWidth.asciiEllipsis
        }
    }
}

extension Canvas {
    /// Draws `text` on row `y` from column `x` and returns the number of columns it advanced
    /// (the same whether or not the row is visible, so callers can chain `x += put(…)`).
    ///
    /// Control characters are replaced (`TerminalText.sanitize`): the text may come from the
    /// network. Drawing stops at the canvas edge and at `x + maxWidth`; a wide character that does
    /// not fit whole is drawn as a space, never cut in half, and one that straddles the left edge
    /// leaves a space in column 0. Graphemes of width 0 (a lone combining mark) are skipped. Only
    /// the part of `text` that can show is read, so a huge string costs no more than a short one.
    @discardableResult
    public mutating func put(
        _ text: String,
        at x: Int,
        y: Int,
        style: CellStyle = CellStyle(),
        maxWidth: Int? = nil,
        overflow: Overflow = .clip
    ) -> Int {
        var limit = width
        if let maxWidth {
            let (end, overflowed) = x.addingReportingOverflow(max(0, maxWidth))
            if !overflowed { limit = min(limit, end) }
        }
        let (room, roomOverflowed) = limit.subtractingReportingOverflow(x)
        guard room > 0, !roomOverflowed else { return 0 }
        var (pieces, used, overflowed) = Canvas.graphemes(of: text, fitting: room)
        var blankAfter = overflowed && used < room
        if overflowed, let marker = overflow.marker {
            let markerWidth = DisplayWidth.of(marker)
            while let last = pieces.last, used + markerWidth > room {
                pieces.removeLast()
                used -= last.width
            }
            if used + markerWidth <= room {
                pieces += marker.map { ($0, DisplayWidth.of($0)) }
                used += markerWidth
            }
            blankAfter = false
        }
        guard y >= 0, y < height else { return used + (blankAfter ? 1 : 0) }
        var column = x
        for (character, characterWidth) in pieces {
            if column >= 0 {
                write(Cell(grapheme: String(character), width: characterWidth, style: style), x: column, y: y)
            } else if column + characterWidth > 0 {
                write(.blank(style), x: 0, y: y)
            }
            column += characterWidth
        }
        if blankAfter {
            if column >= 0 { write(.blank(style), x: column, y: y) }
            column += 1
        }
        return column - x
    }

    /// The sanitized graphemes of `text` with a width, in order, while they fit in `room` columns;
    /// `overflowed` when more would have followed. Reads only as much of `text` as it needs.
    static func graphemes(of text: String, fitting room: Int) -> (pieces: [(Character, width: Int)], used: Int, overflowed: Bool) {
        var pieces: [(Character, width: Int)] = []
        var used = 0
        for raw in text {
            let sanitized = raw.unicodeScalars.contains(where: TerminalText.isControl)
                ? Array(TerminalText.sanitize(String(raw))) : [raw]
            for character in sanitized {
                let characterWidth = DisplayWidth.of(character)
                if characterWidth == 0 { continue }
                if used + characterWidth > room { return (pieces, used, true) }
                pieces.append((character, characterWidth))
                used += characterWidth
            }
        }
        return (pieces, used, false)
    }

    /// Sets every cell of `rect` (clipped to the canvas) to `character` in `style`. Only
    /// characters of width 1 are used; any other, or a control character, fills with spaces.
    public mutating func fill(_ rect: Rect, style: CellStyle = CellStyle(), with character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let text = String(character)
        let usable = DisplayWidth.of(character) == 1 && TerminalText.sanitize(text) == text
        let cell = usable ? Cell(grapheme: text, width: 1, style: style) : .blank(style)
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX {
                write(cell, x: column, y: row)
            }
        }
    }

    /// Changes the style of every cell in `rect` (clipped to the canvas) with `change`. A wide
    /// character with either half inside the rectangle is restyled whole.
    public mutating func restyle(_ rect: Rect, _ change: (inout CellStyle) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            var first = area.x
            var last = area.maxX - 1
            if cells[row * width + first].isContinuation, first > 0 { first -= 1 }
            if cells[row * width + last].width == 2, last + 1 < width { last += 1 }
            for column in first...last {
                change(&cells[row * width + column].style)
            }
        }
    }

    /// Sets the role of every cell in `rect` (when `role` is given) and adds `attributes`.
    public mutating func style(_ rect: Rect, role: Role? = nil, adding attributes: TextAttributes = []) {
        restyle(rect) { style in
            if let role { style.role = role }
            style.attributes.formUnion(attributes)
        }
    }

    /// Stores `cell` at an in-bounds position, first blanking the other half of any wide character
    /// it overwrites, and writing the continuation when `cell` is wide (the caller checked room).
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        breakWideCharacter(at: x, y: y)
        if cell.width == 2 {
            breakWideCharacter(at: x + 1, y: y)
            cells[y * width + x] = cell
            cells[y * width + x + 1] = .continuation(cell.style)
        } else {
            cells[y * width + x] = cell
        }
    }

    private mutating func breakWideCharacter(at x: Int, y: Int) {
        guard x < width else { return }
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
            cells[index] = .blank(old.style)
        } else if old.width == 2, x + 1 < width {
            cells[index + 1] = .blank(old.style)
        }
    }
}

extension Canvas {
    /// Sets one cell to `glyph`, a single-column grapheme the caller knows is printable (a widget's
    /// braille or block character), without the sanitizing and measuring `put` does; nothing
    /// happens outside the canvas. Charts draw thousands of these a frame.
    mutating func setGlyph(_ glyph: String, x: Int, y: Int, style: CellStyle) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        write(Cell(grapheme: glyph, width: 1, style: style), x: x, y: y)
    }
}
