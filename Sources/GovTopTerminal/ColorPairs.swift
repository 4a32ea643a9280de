import CNcursesw
import GovTopTheme

/// Colour pairs allocated as styles first appear, and (on terminals whose palette can be
/// redefined) palette entries for 24-bit colours. Pair numbers are handed out from 1 upwards and
/// remembered by their two colour numbers; `reset()` forgets them all when the theme changes, so
/// the numbers are reused rather than exhausted. When pairs or palette entries run out, the
/// nearest standard colour or pair 0 is used instead: the screen stays readable.
struct ColorPairs {
    private let mode: ColorMode
    private let maximumPair: Int32
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    /// 24-bit colours already written into palette entries, and the next entry to use.
    private var redefined: [RGB: Int32] = [:]
    private var nextRedefinable: Int32 = 255

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    init(mode: ColorMode, colorPairs: Int) {
        self.mode = mode
        maximumPair = Int32(clamping: max(0, colorPairs - 1))
    }

    mutating func reset() {
        pairs = [:]
        nextPair = 1
        redefined = [:]
        nextRedefinable = 255
    }

    /// The pair for a resolved style's colours; 0 (the terminal's colours) without colour support.
    mutating func pair(for style: ResolvedStyle) -> Int32 {
        guard mode.depth != .none else { return 0 }
        let key = PairKey(fg: colorNumber(style.fg, isBackground: false), bg: colorNumber(style.bg, isBackground: true))
        if key.fg == -1, key.bg == -1 { return 0 }
        if let known = pairs[key] { return known }
        guard nextPair <= maximumPair, init_extended_pair(nextPair, key.fg, key.bg) == govtop_ok() else { return 0 }
        pairs[key] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    private mutating func colorNumber(_ color: Color, isBackground: Bool) -> Int32 {
        if let number = mode.number(for: color, isBackground: isBackground) { return number }
        guard case .rgb(let rgb) = color else { return -1 }
        if let known = redefined[rgb] { return known }
        let scale = { (component: UInt8) in Int32(Int(component) * 1000 / 255) }
        if nextRedefinable >= 16,
           init_extended_color(nextRedefinable, scale(rgb.red), scale(rgb.green), scale(rgb.blue)) == govtop_ok() {
            redefined[rgb] = nextRedefinable
            nextRedefinable -= 1
            return nextRedefinable + 1
        }
        return Int32(XtermPalette.nearest16(to: rgb).rawValue)
    }
}

extension TextAttributes {
    /// The ncurses attributes.
    var curses: attr_t {
        var value = govtop_a_normal()
        if contains(.bold) { value |= govtop_a_bold() }
        if contains(.dim) { value |= govtop_a_dim() }
        if contains(.italic) { value |= govtop_a_italic() }
        if contains(.underline) { value |= govtop_a_underline() }
        if contains(.reverse) { value |= govtop_a_reverse() }
        return value
    }
}
