extension CanvasExport {
    /// Cell width in tenths of a pixel (8.4 px: 0.6 em of the 14 px font, a common monospace advance).
    static let svgCellWidthTenths = 84
    static let svgCellHeight = 17
    static let svgFontSize = 14
    /// Baseline offset from the top of a row.
    static let svgBaseline = 13
    /// The font stack the SVG asks for.
    public static let svgDefaultFont = "ui-monospace, DejaVu Sans Mono, Menlo, Consolas, monospace"

    /// The canvas as an SVG image in `theme` (true colour): a background rectangle, one rectangle per
    /// run of a different background, one `<text>` per run of equally styled narrow characters and
    /// one per wide character, each placed on a fixed 8.4 × 17 px cell grid. Reverse is applied by
    /// swapping colours, dim by opacity.
    public static func svg(_ canvas: Canvas, theme: Theme, fontFamily: String = svgDefaultFont) -> String {
        let pageBackground = theme.background.rgb ?? theme.defaultBackground
        let width = pixels(tenths: canvas.width * svgCellWidthTenths)
        let height = String(canvas.height * svgCellHeight)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(xmlEscaped(fontFamily))\" "
        out += "font-size=\"\(svgFontSize)\" xml:space=\"preserve\">\n"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(pageBackground.hex)\"/>\n"
        var looks: [CellStyle: SVGLook] = [:]
        for y in 0..<canvas.height {
            let cells = (0..<canvas.width).compactMap { canvas.cell(x: $0, y: y) }.map { cell in
                if let look = looks[cell.style] { return (cell: cell, look: look) }
                let look = SVGLook(cell.style, theme: theme)
                looks[cell.style] = look
                return (cell: cell, look: look)
            }
            out += backgroundRects(cells.map(\.look.background), row: y, page: pageBackground)
            out += textRuns(cells, row: y)
        }
        out += "</svg>\n"
        return out
    }

    /// The pixels of one cell: colours with reverse applied, and the attributes SVG shows.
    struct SVGLook: Hashable {
        var foreground: RGB
        var background: RGB
        var attributes: TextAttributes

        init(_ style: CellStyle, theme: Theme) {
            let resolved = theme.resolve(style, depth: .trueColor)
            var foreground = resolved.fg.rgb ?? theme.defaultForeground
            var background = resolved.bg.rgb ?? theme.defaultBackground
            if resolved.attributes.contains(.reverse) { swap(&foreground, &background) }
            self.foreground = foreground
            self.background = background
            attributes = resolved.attributes.subtracting(.reverse)
        }
    }

    static func backgroundRects(_ backgrounds: [RGB], row: Int, page: RGB) -> String {
        var out = ""
        var start = 0
        while start < backgrounds.count {
            var end = start + 1
            while end < backgrounds.count, backgrounds[end] == backgrounds[start] { end += 1 }
            if backgrounds[start] != page {
                out += "<rect x=\"\(pixels(tenths: start * svgCellWidthTenths))\" y=\"\(row * svgCellHeight)\" "
                out += "width=\"\(pixels(tenths: (end - start) * svgCellWidthTenths))\" height=\"\(svgCellHeight)\" "
                out += "fill=\"\(backgrounds[start].hex)\"/>\n"
            }
            start = end
        }
        return out
    }

    static func textRuns(_ cells: [(cell: Cell, look: SVGLook)], row: Int) -> String {
        var out = ""
        var x = 0
        while x < cells.count {
            let (cell, look) = cells[x]
            if cell.isContinuation || (cell.grapheme == " " && !look.attributes.contains(.underline)) {
                x += 1
                continue
            }
            if cell.width == 2 {
                out += textElement(cell.grapheme, column: x, columns: 1, row: row, look: look)
                x += 2
                continue
            }
            var end = x + 1
            while end < cells.count, cells[end].cell.width == 1, cells[end].look == look { end += 1 }
            if !look.attributes.contains(.underline) {
                while cells[end - 1].cell.grapheme == " " { end -= 1 }
            }
            let text = cells[x..<end].map(\.cell.grapheme).joined()
            out += textElement(text, column: x, columns: end - x, row: row, look: look)
            x = end
        }
        return out
    }

    static func textElement(_ text: String, column: Int, columns: Int, row: Int, look: SVGLook) -> String {
        var out = "<text x=\"\(pixels(tenths: column * svgCellWidthTenths))\" y=\"\(row * svgCellHeight + svgBaseline)\""
        if columns > 1 {
            out += " textLength=\"\(pixels(tenths: columns * svgCellWidthTenths))\" lengthAdjust=\"spacing\""
        }
        out += " fill=\"\(look.foreground.hex)\""
        if look.attributes.contains(.bold) { out += " font-weight=\"bold\"" }
        if look.attributes.contains(.italic) { out += " font-style=\"italic\"" }
        if look.attributes.contains(.underline) { out += " text-decoration=\"underline\"" }
        if look.attributes.contains(.dim) { out += " opacity=\"0.6\"" }
        return out + ">" + xmlEscaped(text) + "</text>\n"
    }

    /// A non-negative length in tenths of a pixel as SVG text: "84" → "8.4", "170" → "17".
    static func pixels(tenths: Int) -> String {
        tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }

    /// Text safe inside XML character data and attribute values; characters XML 1.0 forbids
    /// become U+FFFD.
    static func xmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                let forbidden = (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
                out.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
