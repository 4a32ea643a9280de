import Testing
@testable import GovTopConfig
import GovTopTheme

/// Where `--theme NAME` looks, in which order, and what it says when nothing is found.
@Suite struct ThemeCatalogTests {
    static let ocean = "name: ocean\nroles:\n  text: {fg: cyan}\n"

    @Test func findsTheRepositoryThemesFromTheExecutable() throws {
        let root = try TemporaryDirectory()
        try root.write("themes/ocean.yaml", Self.ocean)
        let binary = try root.write(".build/debug/govtop", "")
        let catalog = ThemeCatalog(environment: [:], executablePath: binary, currentDirectory: "/nonexistent")
        #expect(catalog.directories == [ThemeCatalog.Directory(path: root.path + "/themes", origin: "shipped themes")])
        #expect(try catalog.load("ocean", origin: "--theme", base: root.path).style(for: .text).fg == .basic(.cyan))
    }

    @Test func searchOrderIsEnvironmentThenShippedThenCurrentDirectory() throws {
        let root = try TemporaryDirectory()
        let custom = try root.makeDirectory("custom")
        try root.write("custom/ocean.yaml", "roles:\n  text: {fg: red}\n")
        try root.write("repo/themes/ocean.yaml", Self.ocean)
        try root.write("repo/themes/forest.yaml", "roles:\n  text: {fg: green}\n")
        try root.write("work/themes/forest.yaml", "roles:\n  text: {fg: blue}\n")
        try root.write("work/themes/desert.yaml", "roles:\n  text: {fg: yellow}\n")
        let binary = try root.write("repo/bin/govtop", "")
        let catalog = ThemeCatalog(environment: ["GOVTOP_THEMES": custom], executablePath: binary,
                                   currentDirectory: root.path + "/work")
        #expect(catalog.directories.map(\.origin) == ["$GOVTOP_THEMES", "shipped themes", "./themes"])
        #expect(try catalog.load("ocean", origin: "--theme", base: root.path).style(for: .text).fg == .basic(.red))
        #expect(try catalog.load("forest", origin: "--theme", base: root.path).style(for: .text).fg == .basic(.green))
        #expect(try catalog.load("desert", origin: "--theme", base: root.path).style(for: .text).fg == .basic(.yellow))
        #expect(catalog.themeNames == ["default", "desert", "forest", "ocean"])
    }

    @Test func theRepositoryCatalogListsTheShippedThemes() {
        let catalog = ThemeCatalog(directories: [ThemeCatalog.Directory(path: ShippedThemes.directory, origin: "shipped themes")])
        #expect(catalog.themeNames == ShippedThemes.names)
    }

    @Test func pathsAreFilesRelativeToTheirBase() throws {
        let root = try TemporaryDirectory()
        try root.write("config/looks/ocean.yaml", Self.ocean)
        let catalog = ThemeCatalog(directories: [])
        #expect(try catalog.load("looks/ocean.yaml", origin: "config.yaml", base: root.path + "/config").name == "ocean")
        #expect(try catalog.load(root.path + "/config/looks/ocean.yaml", origin: "--theme", base: "/").name == "ocean")
        #expect(ThemeCatalog.isPath("ocean.yml"))
        #expect(!ThemeCatalog.isPath("ocean"))
    }

    @Test func defaultNeedsNoFile() throws {
        let catalog = ThemeCatalog(directories: [])
        #expect(try catalog.load("default", origin: "--theme", base: "/") == Theme.default)
        #expect(catalog.themeNames == ["default"])
    }

    @Test func unknownNameSuggestsAndSaysWhereItLooked() throws {
        let catalog = ThemeCatalog(directories: [ThemeCatalog.Directory(path: ShippedThemes.directory, origin: "shipped themes")])
        var message: String?
        do {
            _ = try catalog.load("solarised-dark", origin: "--theme", base: "/")
        } catch {
            message = error.description
        }
        #expect(message == #"--theme: no theme named "solarised-dark" (themes: default, high-contrast, light, mono, solarized-dark); "#
            + "looked in \(ShippedThemes.directory) (shipped themes); did you mean \"solarized-dark\"?")
    }

    @Test func unknownNameFromTheConfigurationNamesItsKey() throws {
        let catalog = ThemeCatalog(directories: [])
        var message: String?
        do {
            _ = try catalog.load("ocean", origin: "govtop.yaml", base: "/")
        } catch {
            message = error.description
        }
        #expect(message == #"govtop.yaml: theme: no theme named "ocean" (themes: default); no theme directory was found; set $GOVTOP_THEMES or give a path"#)
    }

    @Test func aBrokenThemeFileReportsItsOwnLine() throws {
        let root = try TemporaryDirectory()
        let file = try root.write("themes/broken.yaml", "name: broken\nroles:\n  text: {fg: blu}\n")
        let catalog = ThemeCatalog(directories: [ThemeCatalog.Directory(path: root.path + "/themes", origin: "./themes")])
        var message: String?
        do {
            _ = try catalog.load("broken", origin: "--theme", base: "/")
        } catch {
            message = error.description
        }
        #expect(message == #"\#(file):3:14: roles.text.fg: unknown colour "blu"; did you mean "blue"?"#)
    }
}
