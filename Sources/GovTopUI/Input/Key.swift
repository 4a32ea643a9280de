/// A key press as the terminal layer reports it.
///
/// Printable text arrives as `character`; control characters never do: the input parser maps
/// them with `init?(scalar:)` to `enter`, `tab`, `backspace`, `escape` or `ctrl`. A key pressed
/// with Alt, or with modifiers the plain keys above do not already express (Ctrl-Up, Shift-F5),
/// is `modified`: a key of its own, so Alt-4 never runs what 4 is bound to.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl with a key, always lowercase: Ctrl-C is `.ctrl("c")`.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, insert, delete
    /// F1, F2, ...
    case function(Int)
    /// The terminal changed size; not a key a person pressed, but it arrives with the keys.
    case resize
    /// A key with modifiers; build it with `with(_:)`, which keeps the plain forms plain.
    indirect case modified(Key, KeyModifiers)

    /// The key for one scalar read from the terminal: control characters become named keys,
    /// printable ones `character`. Nil for C1 control characters, which no key produces.
    public init?(scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0A, 0x0D: self = .enter
        case 0x09: self = .tab
        case 0x1B: self = .escape
        case 0x08, 0x7F: self = .backspace
        case 0x00: self = .ctrl("@")
        case 0x01...0x1A:
            guard let letter = Unicode.Scalar(scalar.value + 0x60) else { return nil }
            self = .ctrl(Character(letter))
        case 0x1C...0x1F:
            guard let symbol = Unicode.Scalar(scalar.value + 0x40) else { return nil }
            self = .ctrl(Character(symbol))
        case 0x80...0x9F: return nil
        default: self = .character(Character(scalar))
        }
    }

    /// How the key is written in the footer and the help overlay (ASCII only, so it reads on any terminal).
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .ctrl(let character): "Ctrl-" + character.uppercased()
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .insert: "Ins"
        case .delete: "Del"
        case .function(let number): "F\(number)"
        case .resize: "Resize"
        case .modified(let key, let modifiers): modifiers.labelPrefix + key.label
        }
    }

    /// This key with `modifiers` added: no modifiers leave it as it is, Shift-Tab is `backTab`,
    /// and modifiers of an already modified key are merged.
    public func with(_ modifiers: KeyModifiers) -> Key {
        if modifiers.isEmpty { return self }
        switch self {
        case .modified(let key, let existing): return key.with(existing.union(modifiers))
        case .tab where modifiers == .shift: return .backTab
        default: return .modified(self, modifiers)
        }
    }
}
