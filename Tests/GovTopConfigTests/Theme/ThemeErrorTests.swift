import Testing
@testable import GovTopConfig
import GovTopTheme

/// One theme document per kind of mistake, with the exact message govtop prints for it.
@Suite struct ThemeErrorTests {
    static let source = "themes/bad.yaml"

    static let cases: [(yaml: String, message: String)] = [
        ("name: bad\nroles:\n  selectoin: {fg: blue}\n",
         #"3:3: roles: unknown role "selectoin"; did you mean "selection"?"#),
        ("roles:\n  sidebar: {fg: blue}\n",
         #"2:3: roles: unknown role "sidebar"; the roles are text, muted, title, border, focused-border, selection, header, header-accent, ok, warning, critical, info, gauge-ok, gauge-warning, gauge-critical, gauge-empty, sparkline, link, key, service-0 … service-7"#),
        ("name: bad\npalette:\n  blue: \"#7aa2f7\"\nroles:\n  text: {fg: blue}\n  selection:\n    fg: blu\n",
         #"7:9: roles.selection.fg: unknown colour "blu"; did you mean "blue"?"#),
        ("palette:\n  sea: \"#0a3d62\"\nroles:\n  text: {fg: sae}\n",
         #"4:14: roles.text.fg: unknown colour "sae"; did you mean "sea"?"#),
        ("palette: {}\nroles:\n  text: {fg: ocean}\n",
         ##"3:14: roles.text.fg: unknown colour "ocean"; the palette is empty, and colours are written "#rrggbb", "rgb(r,g,b)", "color(0–255)", a name such as "red" or "bright-blue", or "default""##),
        ("roles:\n  text: {fg: \"#12345\"}\n",
         ##"2:14: roles.text.fg: invalid colour "#12345": "#" must be followed by exactly 6 hex digits, found 5; use "#rrggbb", "rgb(r,g,b)" with 0–255, "color(0–255)", a name (black, red, green, yellow, blue, magenta, cyan, white, bright-black … bright-white, gray) or "default""##),
        ("palette:\n  sky: \"rgb(300,0,0)\"\n",
         ##"2:8: palette.sky: invalid colour "rgb(300,0,0)": "300" is not a whole number from 0 to 255; use "#rrggbb", "rgb(r,g,b)" with 0–255, "color(0–255)", a name (black, red, green, yellow, blue, magenta, cyan, white, bright-black … bright-white, gray) or "default""##),
        ("palette:\n  sky: grene\n",
         #"2:8: palette.sky: unknown colour "grene"; did you mean "green"?"#),
        ("roles:\n  title: {fg: blue, bold: yes}\n",
         #"2:27: roles.title.bold: expected true or false, got "yes""#),
        ("roles:\n  title: blue\n",
         #"2:10: roles.title: expected a style such as {fg: blue, bold: true}, got "blue""#),
        ("roles:\n  title: {fg: [blue]}\n",
         "2:15: roles.title.fg: expected a colour or a palette name, got a list"),
        ("roles:\n  title: {fg: blue, bolt: true}\n",
         #"2:21: roles.title: unknown key "bolt"; did you mean "bold"?"#),
        ("palette:\n  - blue\n",
         "2:3: palette: expected a mapping of colour names to colours, got a list"),
        ("- name: bad\n",
         "1:1: expected a mapping with name, palette and roles, got a list"),
        ("name: {dark: true}\n",
         "1:7: name: expected a theme name, got a mapping"),
        ("name: bad\nrole:\n  text: {fg: red}\n",
         #"2:1: unknown key "role"; did you mean "roles"?"#),
        ("roles:\n  focused-border: {bold: true}\n  focused_border: {dim: true}\n",
         #"3:3: roles: the role "focused-border" is already styled on line 2; style it once"#),
        ("roles:\n  text: {fg: red}\n  text: {fg: blue}\n",
         #"2:3: the key "text" appears more than once in this mapping; keep one"#),
        ("name: bad\nroles:\n  text: {fg: blue\n  muted: {dim: true}\n",
         "4:8: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 3, column 9)"),
    ]

    @Test(arguments: cases)
    func documentGivesItsExactMessage(yaml: String, message: String) {
        #expect(themeError(yaml: yaml, source: Self.source)?.description == "\(Self.source):\(message)")
    }

    @Test func errorCarriesFileLineColumnAndKey() throws {
        let error = try #require(themeError(yaml: Self.cases[2].yaml, source: Self.source))
        #expect(error.file == Self.source)
        #expect(error.line == 7)
        #expect(error.column == 9)
        #expect(error.keyPath == "roles.selection.fg")
        #expect(error.suggestion == "blue")
    }

    @Test func fileErrorsNameTheFile() throws {
        let directory = try TemporaryDirectory()
        #expect(themeError(path: directory.path + "/missing.yaml")?.description == "\(directory.path)/missing.yaml: no such theme file")
        #expect(themeError(path: directory.path)?.description == "\(directory.path): is a directory, not a theme file")
        let binary = try directory.write("binary.yaml", bytes: [0xFF, 0xFE, 0x00, 0x41])
        #expect(themeError(path: binary)?.description == "\(binary): is not UTF-8 text")
        let huge = try directory.write("huge.yaml", bytes: Array(repeating: UInt8(ascii: "#"), count: ThemeLoader.maximumFileBytes + 1))
        #expect(themeError(path: huge)?.description == "\(huge): is larger than 1MiB; a theme file is a few kilobytes")
    }
}
