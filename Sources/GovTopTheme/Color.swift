/// A colour as a theme names it. Terminals with fewer colours get a degraded copy
/// (`degraded(to:)`); exporters that need pixels use `rgb`.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 standard ANSI colours.
    case basic(BasicColor)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(RGB)

    public static func rgb(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> Color {
        .rgb(RGB(red: red, green: green, blue: blue))
    }

    /// The colour in the syntax `Color(parsing:)` reads.
    public var description: String {
        switch self {
        case .default: "default"
        case .basic(let color): color.name
        case .indexed(let index): "color(\(index))"
        case .rgb(let rgb): rgb.hex
        }
    }

    /// The colour's pixels as xterm shows them by default; nil for `.default`, which depends on the
    /// terminal.
    public var rgb: RGB? {
        switch self {
        case .default: nil
        case .basic(let color): XtermPalette.rgb(ofIndex: UInt8(color.rawValue))
        case .indexed(let index): XtermPalette.rgb(ofIndex: index)
        case .rgb(let rgb): rgb
        }
    }
}

/// A 24-bit colour.
public struct RGB: Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// "#rrggbb", lower case.
    public var hex: String {
        "#" + [red, green, blue].map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    func squaredDistance(to other: RGB) -> Int {
        let dr = Int(red) - Int(other.red)
        let dg = Int(green) - Int(other.green)
        let db = Int(blue) - Int(other.blue)
        return dr * dr + dg * dg + db * db
    }
}

/// The 16 standard ANSI colours; the raw value is the SGR / palette index (0–15).
public enum BasicColor: Int, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The name in theme files: "red", "bright-blue", …
    public var name: String {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
        return rawValue < 8 ? base : "bright-" + base
    }

    public var isBright: Bool { rawValue >= 8 }
}
