/// The footer line of key hints, "q quit  / filter  ? help": keys in the `key` role, descriptions
/// `muted`, two spaces apart. Hints are taken in order while they fit whole; the first one that
/// does not fit ends the line, so put the most important first.
public struct KeyHints: Sendable {
    public var hints: [KeyHelp]

    public init(_ hints: [KeyHelp]) {
        self.hints = hints
    }

    static let separator = 2

    /// How many hints fit in `width` columns.
    public func fittingCount(width: Int) -> Int {
        var used = 0
        var count = 0
        for hint in hints {
            let hintWidth = KeyHints.width(of: hint) + (count > 0 ? KeyHints.separator : 0)
            guard used + hintWidth <= width else { break }
            used += hintWidth
            count += 1
        }
        return count
    }

    /// Draws on the first row of `area`, clearing it first.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        canvas.fill(area.row(0))
        var x = area.x
        for (index, hint) in hints.prefix(fittingCount(width: area.width)).enumerated() {
            if index > 0 { x += KeyHints.separator }
            x += canvas.put(TerminalText.sanitize(hint.keys), at: x, y: area.y, style: CellStyle(.key))
            x += canvas.put(" ", at: x, y: area.y)
            x += canvas.put(TerminalText.sanitize(hint.description), at: x, y: area.y, style: CellStyle(.muted))
        }
    }

    static func width(of hint: KeyHelp) -> Int {
        TerminalText.sanitize(hint.keys).displayWidth + 1 + TerminalText.sanitize(hint.description).displayWidth
    }
}
