/// The "?" overlay: a focused box centred in the area listing every binding under its section,
/// keys aligned in one column in the `key` role, section notes and per-binding notes `muted`.
/// When the list is taller than the box it scrolls by `scroll` lines (clamped to the last page)
/// and the border shows the range.
public struct HelpOverlay: Sendable {
    /// One section as the overlay lists it.
    struct Group: Hashable, Sendable {
        var title: String
        var note: String?
        var entries: [Entry]
    }

    struct Entry: Hashable, Sendable {
        var keys: String
        var description: String
        var note: String?
    }

    var groups: [Group]
    public var title: String
    public var scroll: Int
    public var ascii: Bool

    /// Bindings grouped by their `section`, sections in order of first appearance.
    public init(bindings: [KeyHelp], title: String = "Help", scroll: Int = 0, ascii: Bool = false) {
        var groups: [Group] = []
        var positions: [String: Int] = [:]
        for binding in bindings {
            let entry = Entry(keys: binding.keys, description: binding.description)
            if let position = positions[binding.section] {
                groups[position].entries.append(entry)
            } else {
                positions[binding.section] = groups.count
                groups.append(Group(title: binding.section, entries: [entry]))
            }
        }
        self.init(groups: groups, title: title, scroll: scroll, ascii: ascii)
    }

    /// The sections of the binding table, `KeyBindings.helpSections()`, with their notes.
    public init(sections: [HelpSection], title: String = "Help", scroll: Int = 0, ascii: Bool = false) {
        let groups = sections.map { section in
            Group(title: section.title, note: section.note, entries: section.entries.map {
                Entry(keys: $0.keys, description: $0.description, note: $0.overrideNote)
            })
        }
        self.init(groups: groups, title: title, scroll: scroll, ascii: ascii)
    }

    init(groups: [Group], title: String, scroll: Int, ascii: Bool) {
        self.groups = groups
        self.title = title
        self.scroll = scroll
        self.ascii = ascii
    }

    enum Line: Equatable {
        case section(String)
        case note(String)
        case binding(keys: String, description: String, note: String?)
        case blank
    }

    /// Section headings, notes, bindings and one blank line between sections, sanitized.
    var lines: [Line] {
        var lines: [Line] = []
        for group in groups {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.section(TerminalText.sanitize(group.title)))
            if let note = group.note, !note.isEmpty { lines.append(.note(TerminalText.sanitize(note))) }
            for entry in group.entries {
                lines.append(.binding(
                    keys: TerminalText.sanitize(entry.keys),
                    description: TerminalText.sanitize(entry.description),
                    note: entry.note.flatMap { $0.isEmpty ? nil : TerminalText.sanitize($0) }
                ))
            }
        }
        return lines
    }

    /// How many lines the overlay lists (navigation's `helpLineCount`).
    public var lineCount: Int { lines.count }

    /// How many lines fit in the box drawn on `area` (navigation's `helpVisibleRows`).
    public func visibleLines(in area: Rect) -> Int {
        let lines = self.lines
        return boxRect(in: area, lines: lines).inset(by: 1).height
    }

    /// The largest useful `scroll` for `area` (0 when everything fits).
    public func maxScroll(in area: Rect) -> Int {
        let lines = self.lines
        return max(0, lines.count - boxRect(in: area, lines: lines).inset(by: 1).height)
    }

    private func keysWidth(_ lines: [Line]) -> Int {
        lines.reduce(0) { widest, line in
            if case .binding(let keys, _, _) = line { return max(widest, keys.displayWidth) }
            return widest
        }
    }

    private func boxRect(in area: Rect, lines: [Line]) -> Rect {
        let keysWidth = keysWidth(lines)
        let contentWidth = lines.reduce(TerminalText.sanitize(title).displayWidth + 4) { widest, line in
            switch line {
            case .section(let name): max(widest, name.displayWidth)
            case .note(let note): max(widest, 2 + note.displayWidth)
            case .binding(_, let description, let note):
                max(widest, 2 + keysWidth + 2 + description.displayWidth + (note.map { 4 + $0.displayWidth } ?? 0))
            case .blank: widest
            }
        }
        return area.centered(width: contentWidth + 4, height: lines.count + 2)
    }

    /// Draws the overlay over whatever `area` holds.
    public func render(into canvas: inout Canvas, area: Rect) {
        let lines = self.lines
        let box = boxRect(in: area, lines: lines)
        let innerHeight = box.inset(by: 1).height
        let first = min(max(0, scroll), max(0, lines.count - innerHeight))
        let shown = lines.dropFirst(first).prefix(innerHeight)
        var trailing: String?
        if shown.count < lines.count {
            trailing = "\(first + 1)\(ascii ? "-" : "–")\(first + shown.count)/\(lines.count)"
        }
        let inner = Box(title: title, trailingTitle: trailing, focused: true, ascii: ascii).render(into: &canvas, area: box)
        let content = inner.inset(left: 1, right: 1)
        let keysWidth = keysWidth(lines)
        let overflow = Overflow.ellipsis(ascii: ascii)
        for (offset, line) in shown.enumerated() {
            let y = content.y + offset
            switch line {
            case .section(let name):
                canvas.put(name, at: content.x, y: y, style: CellStyle(.title, .bold), maxWidth: content.width, overflow: overflow)
            case .note(let note):
                canvas.put(note, at: content.x + 2, y: y, style: CellStyle(.muted), maxWidth: content.width - 2, overflow: overflow)
            case .binding(let keys, let description, let note):
                var x = content.x + 2
                x += canvas.put(DisplayWidth.padRight(keys, toWidth: keysWidth), at: x, y: y, style: CellStyle(.key), maxWidth: content.maxX - x, overflow: overflow)
                x += 2
                x += canvas.put(description, at: x, y: y, style: CellStyle(.text), maxWidth: content.maxX - x, overflow: overflow)
                if let note {
                    canvas.put("  (\(note))", at: x, y: y, style: CellStyle(.muted), maxWidth: content.maxX - x, overflow: overflow)
                }
            case .blank:
                break
            }
        }
    }
}
