import CNcursesw

/// How many colours the terminal can show, as far as govtop uses them.
public enum ColorSupport: Sendable, Equatable {
    case none, basic16, indexed256, truecolor

    /// Decides from the environment (`NO_COLOR`, `COLORTERM`) and what ncurses reports.
    /// Call only after ncurses has started.
    public static func detect(environment: [String: String]) -> ColorSupport {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard has_colors() else { return .none }
        if let colorterm = environment["COLORTERM"], colorterm == "truecolor" || colorterm == "24bit" {
            return .truecolor
        }
        let colors = govtop_colors()
        if colors >= 256 { return .indexed256 }
        if colors >= 8 { return .basic16 }
        return .none
    }
}
