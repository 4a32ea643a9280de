import Testing
@testable import GovTopTheme
@testable import GovTopUI

@Suite struct RoleTests {
    @Test func namesRoundTripForEveryRole() {
        #expect(Role.allCases.count == 19 + Role.serviceCount)
        #expect(Set(Role.allCases.map(\.name)).count == Role.allCases.count)
        for role in Role.allCases {
            #expect(Role(name: role.name) == role)
        }
    }

    @Test(arguments: [
        ("focused-border", Role?.some(.focusedBorder)), ("focusedBorder", .focusedBorder), ("FOCUSED_BORDER", .focusedBorder),
        ("gauge-ok", .gaugeOK), ("gaugeOK", .gaugeOK), ("service-3", .service(3)), ("service3", .service(3)),
        ("service-8", nil), ("colour", nil), ("", nil),
    ])
    func parsesThemeFileNames(name: String, role: Role?) {
        #expect(Role(name: name) == role)
    }

    @Test(arguments: [(0, 0), (7, 7), (8, 0), (13, 5), (-1, 7), (-8, 0), (Int.min, 0), (Int.max, 7)])
    func serviceIndicesCycle(index: Int, canonical: Int) {
        #expect(Role.service(index).canonical == .service(canonical))
        #expect(Role.service(index).name == "service-\(canonical)")
    }
}

@Suite struct ThemeTests {
    @Test func theDefaultThemeDefinesEveryRole() {
        #expect(Theme.default.roles.count == Role.allCases.count)
        for role in Role.allCases {
            #expect(Theme.default.roles[role] != nil, "\(role.name)")
        }
    }

    @Test func makeFillsMissingRolesFromTheDefaultAndFoldsServices() {
        let accent = RoleStyle(fg: .basic(.red), attributes: [.bold, .underline])
        let theme = Theme.make(name: "mine", palette: [:], roles: [.title: accent, .service(10): RoleStyle(fg: .indexed(5))])
        #expect(theme.name == "mine")
        #expect(theme.style(for: .title) == accent)
        #expect(theme.style(for: .muted) == Theme.default.style(for: .muted))
        #expect(theme.style(for: .service(2)) == RoleStyle(fg: .indexed(5)))
        #expect(theme.style(for: .service(18)) == RoleStyle(fg: .indexed(5)))
        #expect(theme.roles.count == Role.allCases.count)
    }

    @Test func resolveMergesAttributesAndUsesTheThemeBackground() {
        let theme = Theme.make(name: "t", palette: [:], roles: [
            .text: RoleStyle(fg: .rgb(200, 200, 200), bg: .rgb(0, 0, 40)),
            .critical: RoleStyle(fg: .rgb(255, 0, 0), attributes: .bold),
            .selection: RoleStyle(fg: .basic(.black), bg: .basic(.yellow)),
        ])
        let critical = theme.resolve(CellStyle(.critical, .underline), depth: .trueColor)
        #expect(critical == ResolvedStyle(fg: .rgb(255, 0, 0), bg: .rgb(0, 0, 40), attributes: [.bold, .underline]))
        #expect(theme.resolve(CellStyle(.selection), depth: .trueColor).bg == .basic(.yellow))
        #expect(theme.resolve(CellStyle(.critical), depth: .colors256) == ResolvedStyle(fg: .indexed(196), bg: .indexed(233), attributes: .bold))
        #expect(theme.resolve(CellStyle(.critical, .dim), depth: .none) == ResolvedStyle(fg: .default, bg: .default, attributes: [.bold, .dim]))
        #expect(Theme.default.resolve(CellStyle(.text), depth: .trueColor).bg == .default)
    }

    @Test func colourReferencesPreferThePalette() throws {
        let palette: [String: Color] = ["red": .rgb(1, 2, 3), "accent": .indexed(9)]
        #expect(try Theme.color(reference: "red", palette: palette) == .rgb(1, 2, 3))
        #expect(try Theme.color(reference: "accent", palette: palette) == .indexed(9))
        #expect(try Theme.color(reference: "blue", palette: palette) == .basic(.blue))
        #expect(throws: ColorParseError.self) { try Theme.color(reference: "acent", palette: palette) }
    }

    @Test func pixelDefaultsComeFromThePalette() {
        #expect(Theme.default.defaultBackground == RGB(red: 0x1A, green: 0x1B, blue: 0x26))
        #expect(Theme.default.defaultForeground == RGB(red: 0xC0, green: 0xCA, blue: 0xF5))
        let bare = Theme.make(name: "bare", palette: [:], roles: [:])
        #expect(bare.defaultBackground == RGB(red: 0, green: 0, blue: 0))
        #expect(bare.defaultForeground == RGB(red: 229, green: 229, blue: 229))
    }
}

@Suite struct ShippedThemeTests {
    static let files = ["default.yaml", "light.yaml", "solarized-dark.yaml", "high-contrast.yaml", "mono.yaml"]

    @Test(arguments: files)
    func parsesAndDefinesEveryRole(file: String) throws {
        let (theme, defined) = try ThemeFileReader.read(file)
        #expect(theme.name + ".yaml" == file)
        #expect(defined == Set(Role.allCases), "missing: \(Set(Role.allCases).subtracting(defined).map(\.name))")
    }

    @Test func defaultYAMLMatchesTheCompiledInDefault() throws {
        let (theme, _) = try ThemeFileReader.read("default.yaml")
        #expect(theme == Theme.default)
    }

    @Test(arguments: files.filter { $0 != "mono.yaml" }, [ColorDepth.trueColor, .colors256, .colors16])
    func statusRolesStayDistinctWhenColoursDegrade(file: String, depth: ColorDepth) throws {
        let (theme, _) = try ThemeFileReader.read(file)
        let status: [Role] = [.ok, .warning, .critical, .info]
        let colours = status.map { theme.style(for: $0).fg.degraded(to: depth) }
        #expect(Set(colours).count == status.count, "\(zip(status.map(\.name), colours.map(\.description)).map { "\($0)=\($1)" })")
        let gauges = [Role.gaugeOK, .gaugeWarning, .gaugeCritical].map { theme.style(for: $0).fg.degraded(to: depth) }
        #expect(Set(gauges).count == 3)
    }

    @Test(arguments: files.filter { $0 != "mono.yaml" })
    func everyRoleIsReadableOnItsBackground(file: String) throws {
        let (theme, _) = try ThemeFileReader.read(file)
        for role in Role.allCases {
            let resolved = theme.resolve(CellStyle(role), depth: .trueColor)
            let fg = resolved.fg.rgb ?? theme.defaultForeground
            let bg = resolved.bg.rgb ?? theme.defaultBackground
            #expect(fg.squaredDistance(to: bg) > 40 * 40, "\(file): \(role.name) \(fg.hex) on \(bg.hex)")
        }
    }

    @Test func monoUsesNoColoursButKeepsRolesApart() throws {
        let (theme, _) = try ThemeFileReader.read("mono.yaml")
        for role in Role.allCases {
            #expect(theme.style(for: role).fg == .default && theme.style(for: role).bg == nil, "\(role.name)")
        }
        let looks: [Role] = [.text, .selection, .header, .headerAccent, .critical, .focusedBorder, .border]
        let attributes = looks.map { theme.style(for: $0).attributes }
        #expect(Set(attributes.map(\.rawValue)).count >= 5)
        #expect(theme.style(for: .selection).attributes.contains(.reverse))
        #expect(theme.style(for: .headerAccent).attributes != theme.style(for: .header).attributes)
    }
}
