import GovTopTheme

/// How this terminal shows colours, decided once after ncurses starts: the depth the theme is
/// resolved to, and how a resolved colour becomes an ncurses colour number.
///
/// Truecolor needs either a direct-colour terminal description (colour numbers are 0xRRGGBB, as
/// in `xterm-direct`) or one whose palette can be redefined (`can_change_color`), in which case
/// 24-bit colours get palette entries from 255 downwards, which ncurses puts back at `endwin`.
/// Otherwise `COLORTERM=truecolor` is not enough (ncurses cannot send 24-bit colours through a
/// palette terminal description) and the theme is degraded to 256 colours.
struct ColorMode: Sendable, Equatable {
    enum Encoding: Sendable, Equatable {
        /// Colour numbers are palette indices.
        case palette
        /// Colour numbers below 8 are the ANSI colours, others are 0xRRGGBB.
        case direct
        /// Palette indices, with 24-bit colours written into palette entries as they are needed.
        case redefinable
    }

    var depth: ColorDepth
    var encoding: Encoding
    /// Colours the terminal has (ncurses `COLORS`).
    var terminalColors: Int
    /// Whether -1 means the terminal's own colour (`use_default_colors` succeeded).
    var defaultColors: Bool

    /// The mode for a terminal, from the environment and what ncurses reports.
    static func decide(environment: [String: String], terminalColors: Int, hasColors: Bool, direct: Bool,
                       canChangeColor: Bool, defaultColors: Bool) -> ColorMode {
        let colors = hasColors ? terminalColors : 0
        var depth = ColorDepth.detect(environment: environment, terminalColors: colors)
        if direct, depth != .none { depth = .trueColor }
        var encoding = Encoding.palette
        if depth == .trueColor {
            if direct {
                encoding = .direct
            } else if canChangeColor, colors >= 256 {
                encoding = .redefinable
            } else {
                depth = colors >= 256 ? .colors256 : .colors16
            }
        }
        return ColorMode(depth: depth, encoding: encoding, terminalColors: colors, defaultColors: defaultColors)
    }

    /// The ncurses colour number of a colour already degraded to `depth`, or nil for a 24-bit
    /// colour that needs a redefined palette entry (see `ColorPairs`). `.default` is -1 when the
    /// terminal's own colours are available, else white on black.
    func number(for color: Color, isBackground: Bool) -> Int32? {
        switch color {
        case .default:
            if defaultColors { return -1 }
            return isBackground ? 0 : 7
        case .basic(let basic):
            if encoding == .direct, basic.rawValue >= 8 { return packed(XtermPalette.rgb(ofIndex: UInt8(basic.rawValue))) }
            return paletteIndex(basic.rawValue)
        case .indexed(let index):
            if encoding == .direct { return index < 8 ? Int32(index) : packed(XtermPalette.rgb(ofIndex: index)) }
            return paletteIndex(Int(index))
        case .rgb(let rgb):
            switch encoding {
            case .direct: return packed(rgb)
            case .redefinable: return nil
            case .palette: return paletteIndex(Int(XtermPalette.nearest256(to: rgb)))
            }
        }
    }

    /// An index the terminal has: bright colours fold onto the normal eight on 8-colour
    /// terminals, 256-colour indices onto the nearest standard colour on 16-colour ones.
    private func paletteIndex(_ index: Int) -> Int32 {
        if index < terminalColors { return Int32(index) }
        if index >= 16 {
            let basic = XtermPalette.nearest16(to: XtermPalette.rgb(ofIndex: UInt8(clamping: index))).rawValue
            return paletteIndex(basic)
        }
        return Int32(index % 8)
    }

    /// A 24-bit colour as a direct-colour number; values below 8 would mean the ANSI colours, so
    /// the darkest blues move up to 8 (#000008), which nobody can tell apart.
    private func packed(_ rgb: RGB) -> Int32 {
        let value = Int32(rgb.red) << 16 | Int32(rgb.green) << 8 | Int32(rgb.blue)
        return max(value, 8)
    }
}
