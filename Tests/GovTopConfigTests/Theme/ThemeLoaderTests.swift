import Testing
@testable import GovTopConfig
import GovTopTheme

/// What a theme document means: names, palette references, attributes, defaults for the rest.
@Suite struct ThemeLoaderTests {
    @Test(arguments: ShippedThemes.names)
    func shippedThemeLoads(name: String) throws {
        let theme = try ThemeLoader.load(path: ShippedThemes.directory + "/\(name).yaml")
        #expect(theme.name == name)
        #expect(theme.roles.count == Role.allCases.count)
    }

    @Test func defaultFileIsTheCompiledInDefault() throws {
        let theme = try ThemeLoader.load(path: ShippedThemes.directory + "/default.yaml")
        #expect(theme == Theme.default)
    }

    @Test func shippedThemesLookDifferent() throws {
        let themes = try ShippedThemes.names.map { try ThemeLoader.load(path: ShippedThemes.directory + "/\($0).yaml") }
        #expect(Set(themes.map(\.roles)).count == ShippedThemes.names.count)
    }

    @Test func monoHasNoColours() throws {
        let theme = try ThemeLoader.load(path: ShippedThemes.directory + "/mono.yaml")
        for role in Role.allCases {
            #expect(theme.style(for: role).fg == .default, "\(role.name)")
            #expect(theme.style(for: role).bg == nil, "\(role.name)")
        }
        #expect(theme.style(for: .selection).attributes == .reverse)
    }

    @Test func paletteNamesWinOverColourNamesAndRolesMayComeFirst() throws {
        let yaml = """
        name: night
        roles:
          text: {fg: red, bg: base}
          title: {fg: "bright-red", bold: true, underline: "true"}
          muted: {fg: "color(244)", dim: true}
          link: {fg: "rgb(1, 2, 3)", italic: True, reverse: FALSE}
        palette:
          red: "#ff0000"
          base: "#101010"
        """
        let theme = try ThemeLoader.load(yaml: yaml, source: "night.yaml")
        #expect(theme.name == "night")
        #expect(theme.style(for: .text) == RoleStyle(fg: .rgb(0xFF, 0, 0), bg: .rgb(0x10, 0x10, 0x10)))
        #expect(theme.style(for: .title) == RoleStyle(fg: .basic(.brightRed), attributes: [.bold, .underline]))
        #expect(theme.style(for: .muted) == RoleStyle(fg: .indexed(244), attributes: .dim))
        #expect(theme.style(for: .link) == RoleStyle(fg: .rgb(1, 2, 3), attributes: .italic))
        #expect(theme.background == .rgb(0x10, 0x10, 0x10))
    }

    @Test func leftOutRolesKeepTheDefaultLook() throws {
        let theme = try ThemeLoader.load(yaml: "roles:\n  ok: {fg: green}\n", source: "small.yaml")
        #expect(theme.style(for: .ok) == RoleStyle(fg: .basic(.green)))
        #expect(theme.style(for: .critical) == Theme.default.style(for: .critical))
        #expect(theme.style(for: .service(9)) == Theme.default.style(for: .service(1)))
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try ThemeLoader.load(yaml: "roles: {}\n", source: "/some/where/ocean.yml").name == "ocean")
        #expect(try ThemeLoader.load(yaml: "# only a comment\n", source: "themes/empty.yaml").name == "empty")
    }

    @Test func roleNamesAcceptOtherSpellingsAndEmptyStyles() throws {
        let yaml = "roles:\n  focusedBorder: {fg: red}\n  gauge_ok:\n  service-3: {}\n"
        let theme = try ThemeLoader.load(yaml: yaml, source: "spell.yaml")
        #expect(theme.style(for: .focusedBorder).fg == .basic(.red))
        #expect(theme.style(for: .gaugeOK) == RoleStyle())
        #expect(theme.style(for: .service(3)) == RoleStyle())
    }

    @Test func aliasesShareAStyle() throws {
        let yaml = "roles:\n  warning: &loud {fg: yellow, bold: true}\n  gauge-warning: *loud\n"
        let theme = try ThemeLoader.load(yaml: yaml, source: "alias.yaml")
        #expect(theme.style(for: .gaugeWarning) == RoleStyle(fg: .basic(.yellow), bold: true))
    }
}
