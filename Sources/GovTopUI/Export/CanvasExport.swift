/// Turns a finished canvas into text for people and files: plain text (golden tests, `--snapshot`),
/// ANSI (a terminal or `less -R`), SVG (docs and bug reports). Every export is deterministic: the
/// same canvas and theme give the same bytes.
public enum CanvasExport {
    /// The canvas as plain text: rows with trailing spaces trimmed, joined by "\n".
    public static func text(_ canvas: Canvas) -> String {
        canvas.text
    }

    /// Whether a cell shows nothing on its own: a space with no background or line of its own.
    static func isInvisible(_ cell: Cell, _ style: ResolvedStyle) -> Bool {
        cell.grapheme == " " && style.bg == .default && style.attributes.isDisjoint(with: [.reverse, .underline])
    }
}
