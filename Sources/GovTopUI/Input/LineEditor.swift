/// A one-line text input with a cursor: what the filter prompt edits. Holds at most `maxLength`
/// characters, so a runaway paste cannot grow it without bound.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Characters before the cursor, 0...characters.count.
    public private(set) var cursor: Int
    public let maxLength: Int

    public init(text: String = "", maxLength: Int = 512) {
        self.maxLength = max(0, maxLength)
        self.characters = Array(text.prefix(self.maxLength))
        self.cursor = characters.count
    }

    public var text: String { String(characters) }

    /// Inserts at the cursor; control characters and input past `maxLength` are ignored.
    /// Returns whether the text changed.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        guard characters.count < maxLength, !character.unicodeScalars.contains(where: TerminalText.isControl) else {
            return false
        }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    public mutating func clear() {
        characters.removeAll()
        cursor = 0
    }
}
