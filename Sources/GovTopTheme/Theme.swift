/// A named look: a palette of named colours and a style for every role. Built by `make`, which
/// takes any subset of roles and fills the rest from `Theme.default`; theme files are mapped onto
/// `make` by the configuration loader (see themes/default.yaml for the file format).
public struct Theme: Hashable, Sendable {
    public let name: String
    /// Named colours, as the theme file's `palette:` defines them. "foreground" and "background"
    /// also give the pixels that pixel exports (SVG) use for the terminal's default colours.
    public let palette: [String: Color]
    /// A style for every role in `Role.allCases`.
    public let roles: [Role: RoleStyle]

    private init(name: String, palette: [String: Color], completeRoles: [Role: RoleStyle]) {
        self.name = name
        self.palette = palette
        roles = completeRoles
    }

    /// A theme from the roles given; every other role keeps its style from `Theme.default`.
    /// Service roles are folded with `Role.canonical`.
    public static func make(name: String, palette: [String: Color], roles: [Role: RoleStyle]) -> Theme {
        var complete = builtInRoles
        for (role, style) in roles {
            complete[role.canonical] = style
        }
        return Theme(name: name, palette: palette, completeRoles: complete)
    }

    /// The style of `role` (services folded into the theme's service colours).
    public func style(for role: Role) -> RoleStyle {
        roles[role.canonical] ?? RoleStyle()
    }

    /// The background of cells whose role sets none.
    public var background: Color { roles[.text]?.bg ?? .default }

    /// What a cell looks like on an output of `depth`.
    public func resolve(_ style: CellStyle, depth: ColorDepth) -> ResolvedStyle {
        let roleStyle = self.style(for: style.role)
        return ResolvedStyle(
            fg: roleStyle.fg.degraded(to: depth),
            bg: (roleStyle.bg ?? background).degraded(to: depth),
            attributes: roleStyle.attributes.union(style.attributes)
        )
    }

    /// Pixels for the terminal's default foreground: the palette's "foreground", else light grey.
    public var defaultForeground: RGB {
        palette["foreground"]?.rgb ?? RGB(red: 229, green: 229, blue: 229)
    }

    /// Pixels for the terminal's default background: the palette's "background", else black.
    public var defaultBackground: RGB {
        palette["background"]?.rgb ?? RGB(red: 0, green: 0, blue: 0)
    }

    /// A colour as a theme file writes it: a palette name first (so a palette entry may shadow
    /// "red"), otherwise `Color(parsing:)`.
    public static func color(reference: String, palette: [String: Color]) throws(ColorParseError) -> Color {
        if let named = palette[reference] { return named }
        return try Color(parsing: reference)
    }
}
