import CNcursesw
import GovTopTheme
import GovTopUI

/// What is on the screen now, so `draw` only hands ncurses the cells that changed.
struct ShownFrame {
    var canvas: Canvas
    var theme: Theme
}

extension Terminal {
    /// Shows a canvas in a theme: every cell that differs from the last frame is written into
    /// ncurses' screen, then one `wnoutrefresh` and one `doupdate` send the difference to the
    /// terminal. Never clears the screen (no flicker). A canvas larger than the screen is cut, a
    /// smaller one leaves the rest as it was.
    public func draw(_ canvas: Canvas, theme: Theme) {
        guard isActive else { return }
        let previous = shown.flatMap { frame in
            frame.theme == theme && frame.canvas.width == canvas.width && frame.canvas.height == canvas.height ? frame.canvas : nil
        }
        if shown?.theme != theme { pairs.reset() }
        let screen = size
        let width = min(canvas.width, screen.width)
        let height = min(canvas.height, screen.height)
        var looks: [CellStyle: (attributes: attr_t, pair: Int32)] = [:]
        var scalars: [wchar_t] = []
        scalars.reserveCapacity(8)
        for y in 0..<height {
            let row = y * canvas.width
            for x in 0..<width {
                let cell = canvas.cells[row + x]
                if cell.isContinuation { continue }
                if let previous, previous.cells[row + x] == cell { continue }
                let look: (attributes: attr_t, pair: Int32)
                if let known = looks[cell.style] {
                    look = known
                } else {
                    let resolved = theme.resolve(cell.style, depth: colorDepth)
                    look = (resolved.attributes.curses, pairs.pair(for: resolved))
                    looks[cell.style] = look
                }
                put(cell, x: x, y: y, look: look, lastColumn: width - 1, scalars: &scalars)
            }
        }
        shown = ShownFrame(canvas: canvas, theme: theme)
        wnoutrefresh(govtop_stdscr())
        doupdate()
    }

    /// Forgets what is on the screen, so the next `draw` writes every cell (after a resize, or
    /// when something else may have written to the terminal).
    public func invalidate() {
        shown = nil
        guard isActive else { return }
        clearok(govtop_stdscr(), true)
    }

    /// Writes one cell. A wide character with no room for its right half (the last column) and
    /// any character a non-UTF-8 terminal cannot show become "?".
    private func put(_ cell: Cell, x: Int, y: Int, look: (attributes: attr_t, pair: Int32), lastColumn: Int,
                     scalars: inout [wchar_t]) {
        scalars.removeAll(keepingCapacity: true)
        let fits = cell.width < 2 || x < lastColumn
        if fits, isUTF8 || cell.grapheme.unicodeScalars.allSatisfy(\.isASCII) {
            for scalar in cell.grapheme.unicodeScalars {
                if scalars.isEmpty || (scalars.count < Int(CCHARW_MAX) && DisplayWidth.of(scalar) == 0) {
                    scalars.append(wchar_t(bitPattern: scalar.value))
                }
            }
        }
        if scalars.isEmpty { scalars.append(wchar_t(UInt8(ascii: "?"))) }
        let drawn = scalars.withUnsafeBufferPointer { buffer in
            govtop_put_cell(Int32(y), Int32(x), buffer.baseAddress, Int32(buffer.count), look.attributes, look.pair)
        }
        if drawn != govtop_ok(), scalars.count > 1 {
            _ = govtop_put_cell(Int32(y), Int32(x), [scalars[0]], 1, look.attributes, look.pair)
        }
        if cell.width == 2, !fits || !(isUTF8 || cell.grapheme.unicodeScalars.allSatisfy(\.isASCII)), x + 1 <= lastColumn {
            _ = govtop_put_cell(Int32(y), Int32(x + 1), [wchar_t(UInt8(ascii: " "))], 1, look.attributes, look.pair)
        }
    }
}
