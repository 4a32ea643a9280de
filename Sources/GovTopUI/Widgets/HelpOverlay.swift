/// The "?" overlay: a focused box centred in the area listing every binding under its section
/// (sections in order of first appearance), keys aligned in one column in the `key` role. When the
/// list is taller than the box it scrolls by `scroll` lines and the border shows the range.
public struct HelpOverlay: Sendable {
    public var bindings: [KeyHelp]
    public var title: String
    public var scroll: Int
    public var ascii: Bool

    public init(bindings: [KeyHelp], title: String = "Help", scroll: Int = 0, ascii: Bool = false) {
        self.bindings = bindings
        self.title = title
        self.scroll = scroll
        self.ascii = ascii
    }

    enum Line: Equatable {
        case section(String)
        case binding(keys: String, description: String)
        case blank
    }

    /// Section headings, bindings and one blank line between sections.
    var lines: [Line] {
        var sections: [String] = []
        var bySection: [String: [(String, String)]] = [:]
        for binding in bindings {
            let section = TerminalText.sanitize(binding.section)
            if bySection[section] == nil { sections.append(section) }
            bySection[section, default: []].append((TerminalText.sanitize(binding.keys), TerminalText.sanitize(binding.description)))
        }
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(.blank) }
            lines.append(.section(section))
            for (keys, description) in bySection[section] ?? [] {
                lines.append(.binding(keys: keys, description: description))
            }
        }
        return lines
    }

    /// The largest useful `scroll` for `area` (0 when everything fits).
    public func maxScroll(in area: Rect) -> Int {
        let lines = self.lines
        return max(0, lines.count - boxRect(in: area, lines: lines).inset(by: 1).height)
    }

    private func keysWidth(_ lines: [Line]) -> Int {
        lines.reduce(0) { widest, line in
            if case .binding(let keys, _) = line { return max(widest, keys.displayWidth) }
            return widest
        }
    }

    private func boxRect(in area: Rect, lines: [Line]) -> Rect {
        let keysWidth = keysWidth(lines)
        let contentWidth = lines.reduce(title.displayWidth + 4) { widest, line in
            switch line {
            case .section(let name): max(widest, name.displayWidth)
            case .binding(_, let description): max(widest, 2 + keysWidth + 2 + description.displayWidth)
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
        for (offset, line) in shown.enumerated() {
            let y = content.y + offset
            switch line {
            case .section(let name):
                canvas.put(name, at: content.x, y: y, style: CellStyle(.title, .bold), maxWidth: content.width, overflow: .ellipsis(ascii: ascii))
            case .binding(let keys, let description):
                var x = content.x + 2
                x += canvas.put(DisplayWidth.padRight(keys, toWidth: keysWidth), at: x, y: y, style: CellStyle(.key), maxWidth: content.maxX - x, overflow: .ellipsis(ascii: ascii))
                x += 2
                canvas.put(description, at: x, y: y, style: CellStyle(.text), maxWidth: content.maxX - x, overflow: .ellipsis(ascii: ascii))
            case .blank:
                break
            }
        }
    }
}
