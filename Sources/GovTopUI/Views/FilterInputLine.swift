/// The filter being typed: `/` and the text with a reversed caret cell at the cursor, scrolled
/// sideways so the cursor stays on screen; under it the parse error with a `^` under where it
/// starts, or a hint when the text parses.
struct FilterInputLine {
    let draft: FilterDraft
    let ascii: Bool

    static let prompt = "/ "

    func render(into canvas: inout Canvas, area: Rect) {
        guard area.height >= 1, area.width > 3 else { return }
        let input = area.row(0)
        canvas.fill(input)
        let characters = draft.editor.characters.map { TerminalText.sanitize(String($0)) }
        var columns = [0]
        columns.reserveCapacity(characters.count + 1)
        for character in characters { columns.append(columns[columns.count - 1] + character.displayWidth) }
        let cursor = min(max(0, draft.editor.cursor), characters.count)
        let room = input.width - Self.prompt.count - 1
        var first = 0
        while columns[cursor] - columns[first] > room - 1, first < cursor { first += 1 }
        let textX = input.x + canvas.put(Self.prompt, at: input.x, y: input.y, style: CellStyle(.key, .bold))
        canvas.put(characters[first...].joined(), at: textX, y: input.y, style: CellStyle(.text), maxWidth: room + 1)
        let caretX = textX + columns[cursor] - columns[first]
        let caretWidth = cursor < characters.count ? max(1, characters[cursor].displayWidth) : 1
        canvas.style(Rect(x: caretX, y: input.y, width: caretWidth, height: 1), adding: .reverse)

        guard area.height >= 2 else { return }
        let below = area.row(1)
        canvas.fill(below)
        guard let error = draft.error else {
            let hint = draft.text.isEmpty ? "empty filter: Enter shows every trace" : "Enter applies, Esc keeps the current filter"
            canvas.put(hint, at: textX, y: below.y, style: CellStyle(.muted), maxWidth: below.maxX - textX, overflow: .ellipsis(ascii: ascii))
            return
        }
        let position = min(max(0, error.position), characters.count)
        var x = textX
        if position >= first {
            x = textX + columns[position] - columns[first]
            if x < below.maxX { canvas.put("^", at: x, y: below.y, style: CellStyle(.critical, .bold)) }
            x += 2
        }
        if x >= below.maxX - 8 { x = textX }
        canvas.put(error.message, at: x, y: below.y, style: CellStyle(.critical), maxWidth: below.maxX - x, overflow: .ellipsis(ascii: ascii))
    }
}
