extension Theme {
    /// The compiled-in dark theme; every role is defined here, so any theme file may leave roles
    /// out. themes/default.yaml holds the same values (a test keeps the two equal).
    public static let `default` = Theme.make(name: "default", palette: defaultPalette, roles: [:])

    static let defaultPalette: [String: Color] = [
        "foreground": .rgb(0xC0, 0xCA, 0xF5),
        "background": .rgb(0x1A, 0x1B, 0x26),
        "surface": .rgb(0x24, 0x28, 0x3B),
        "overlay": .rgb(0x3B, 0x42, 0x61),
        "comment": .rgb(0x73, 0x7A, 0xA2),
        "highlight": .rgb(0x36, 0x4A, 0x82),
        "blue": .rgb(0x7A, 0xA2, 0xF7),
        "cyan": .rgb(0x7D, 0xCF, 0xFF),
        "green": .rgb(0x9E, 0xCE, 0x6A),
        "yellow": .rgb(0xE0, 0xAF, 0x68),
        "orange": .rgb(0xFF, 0x9E, 0x64),
        "red": .rgb(0xF7, 0x76, 0x8E),
        "magenta": .rgb(0xBB, 0x9A, 0xF7),
        "teal": .rgb(0x73, 0xDA, 0xCA),
        "pink": .rgb(0xFF, 0x79, 0xC6),
    ]

    static let builtInRoles: [Role: RoleStyle] = {
        func color(_ name: String) -> Color { defaultPalette[name] ?? .default }
        var roles: [Role: RoleStyle] = [
            .text: RoleStyle(fg: color("foreground")),
            .muted: RoleStyle(fg: color("comment")),
            .title: RoleStyle(fg: color("blue"), bold: true),
            .border: RoleStyle(fg: color("overlay")),
            .focusedBorder: RoleStyle(fg: color("blue"), bold: true),
            .selection: RoleStyle(fg: color("foreground"), bg: color("highlight"), bold: true),
            .header: RoleStyle(fg: color("foreground"), bg: color("surface"), bold: true),
            .headerAccent: RoleStyle(fg: color("background"), bg: color("blue"), bold: true),
            .ok: RoleStyle(fg: color("green")),
            .warning: RoleStyle(fg: color("yellow")),
            .critical: RoleStyle(fg: color("red"), bold: true),
            .info: RoleStyle(fg: color("cyan")),
            .gaugeOK: RoleStyle(fg: color("green")),
            .gaugeWarning: RoleStyle(fg: color("yellow")),
            .gaugeCritical: RoleStyle(fg: color("red")),
            .gaugeEmpty: RoleStyle(fg: color("overlay")),
            .sparkline: RoleStyle(fg: color("cyan")),
            .link: RoleStyle(fg: color("blue"), attributes: .underline),
            .key: RoleStyle(fg: color("magenta"), bold: true),
        ]
        let services = ["blue", "green", "yellow", "magenta", "cyan", "orange", "teal", "pink"]
        for (index, name) in services.enumerated() {
            roles[.service(index)] = RoleStyle(fg: color(name))
        }
        return roles
    }()
}
