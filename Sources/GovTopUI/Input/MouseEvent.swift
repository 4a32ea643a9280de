/// One mouse report: a button pressed or released, or the wheel turned, at a cell of the screen.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable {
        case left, middle, right
    }

    public enum Kind: Hashable, Sendable {
        case press(Button)
        /// The legacy encoding does not say which button was released; nil then.
        case release(Button?)
        case wheelUp, wheelDown
    }

    public var kind: Kind
    /// Zero-based column and row, as the canvas counts them.
    public var x: Int
    public var y: Int
    public var modifiers: KeyModifiers

    public init(_ kind: Kind, x: Int, y: Int, modifiers: KeyModifiers = []) {
        self.kind = kind
        self.x = x
        self.y = y
        self.modifiers = modifiers
    }

    /// The event of an xterm button code (`Cb`: low bits the button, 4 Shift, 8 Alt, 16 Ctrl,
    /// 32 motion, 64 wheel) at 1-based `column` and `row`; `released` for SGR's final `m`. Nil for
    /// motion, horizontal wheels, extra buttons and positions off the screen.
    init?(buttonCode code: Int, column: Int, row: Int, released: Bool) {
        guard column >= 1, row >= 1, code >= 0, code < 128 else { return nil }
        var modifiers: KeyModifiers = []
        if code & 4 != 0 { modifiers.insert(.shift) }
        if code & 8 != 0 { modifiers.insert(.alt) }
        if code & 16 != 0 { modifiers.insert(.ctrl) }
        let kind: Kind
        if code & 32 != 0 { return nil }
        if code & 64 != 0 {
            switch code & 3 {
            case 0: kind = .wheelUp
            case 1: kind = .wheelDown
            default: return nil
            }
        } else {
            let button: Button? = switch code & 3 {
            case 0: .left
            case 1: .middle
            case 2: .right
            default: nil
            }
            if released || button == nil {
                kind = .release(button)
            } else if let button {
                kind = .press(button)
            } else {
                return nil
            }
        }
        self.init(kind, x: column - 1, y: row - 1, modifiers: modifiers)
    }
}
