/// How many colours the output can show, from most to fewest.
public enum ColorDepth: Hashable, Sendable, CaseIterable {
    case trueColor
    case colors256
    case colors16
    /// No colours at all (NO_COLOR, dumb terminals); attributes such as bold still apply.
    case none

    /// The depth for a terminal: `NO_COLOR` set to anything non-empty wins (no-color.org), then
    /// `COLORTERM=truecolor|24bit`, then the colour count the terminal reports (ncurses `COLORS`).
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
        if terminalColors >= 8, colorTerm == "truecolor" || colorTerm == "24bit" { return .trueColor }
        if terminalColors >= 256 { return .colors256 }
        if terminalColors >= 8 { return .colors16 }
        return .none
    }
}

extension Color {
    /// This colour as a terminal of `depth` can show it: RGB to the nearest xterm cube or grey
    /// entry for 256 colours, anything to the nearest standard colour for 16, `.default` for none.
    /// Colours already within the depth are kept as they are.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (depth, self) {
        case (_, .default), (.trueColor, _), (.colors256, .basic), (.colors256, .indexed), (.colors16, .basic):
            return self
        case (.none, _):
            return .default
        case (.colors256, .rgb(let rgb)):
            return .indexed(XtermPalette.nearest256(to: rgb))
        case (.colors16, .indexed(let index)):
            if index < 16, let basic = BasicColor(rawValue: Int(index)) { return .basic(basic) }
            return .basic(XtermPalette.nearest16(to: XtermPalette.rgb(ofIndex: index)))
        case (.colors16, .rgb(let rgb)):
            return .basic(XtermPalette.nearest16(to: rgb))
        }
    }
}
