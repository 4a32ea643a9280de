import CNcursesw
import GovTopUI

extension Terminal {
    /// Waits up to `timeoutMilliseconds` for a key (blocking in ncurses, no busy loop) and returns
    /// it, `.resize` when the terminal changed size (read the new `size`), or nil when the time
    /// ran out, a signal interrupted the wait, or the input was something no binding can use.
    public func readKey(timeoutMilliseconds: Int32) -> Key? {
        guard isActive else { return nil }
        wtimeout(govtop_stdscr(), max(0, timeoutMilliseconds))
        var value: UInt32 = 0
        let result = govtop_get_wch(&value)
        if result == govtop_key_code_yes() {
            let key = KeyCodes.key(forCode: Int32(bitPattern: value))
            if key == .resize { invalidate() }
            return key
        }
        guard result == govtop_ok(), let scalar = Unicode.Scalar(value) else { return nil }
        return Key(scalar: scalar)
    }

    /// Keys that are already waiting, without blocking; at most `limit` of them.
    public func pendingKeys(limit: Int = 64) -> [Key] {
        var keys: [Key] = []
        while keys.count < limit, let key = readKey(timeoutMilliseconds: 0) {
            keys.append(key)
        }
        return keys
    }
}

/// ncurses key codes (what `wget_wch` returns with `KEY_CODE_YES`) as govtop keys.
enum KeyCodes {
    static func key(forCode code: Int32) -> Key? {
        if code == govtop_key_resize() { return .resize }
        let functionKey = code - govtop_key_f0()
        if (1...63).contains(functionKey) { return .function(Int(functionKey)) }
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_HOME, KEY_FIND, KEY_A1, KEY_BEG: return .home
        case KEY_END, KEY_SELECT, KEY_C1, KEY_LL: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default: return nil
        }
    }
}
