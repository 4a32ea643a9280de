import GovTopTheme

/// Reads the top-level mapping of a theme file: `name`, `palette` and `roles`.
///
/// Keys are read in document order and the first problem is thrown. The palette is read before
/// the roles wherever it is written, since roles refer to it.
enum ThemeDocument {
    static let keys = ["name", "palette", "roles"]
    static let styleKeys = ["fg", "bg"] + TextAttributes.named.map(\.name)

    enum Expected {
        static let root = "a mapping with name, palette and roles"
        static let name = "a theme name"
        static let palette = "a mapping of colour names to colours"
        static let roles = "a mapping of role names to styles"
        static let style = "a style such as {fg: blue, bold: true}"
        static let color = "a colour or a palette name"
        static let paletteColor = "a colour such as \"#7aa2f7\", \"rgb(122,162,247)\", \"color(111)\" or \"blue\""
        static let flag = "true or false"
    }

    static func read(_ root: ConfigNode, fallbackName: String) throws(ConfigError) -> Theme {
        var name = fallbackName
        var paletteNode: ConfigNode?
        var rolesNode: ConfigNode?
        for entry in try root.entries(expected: Expected.root) {
            switch entry.key {
            case "name": name = try entry.value.text(expected: Expected.name)
            case "palette": paletteNode = entry.value
            case "roles": rolesNode = entry.value
            default: throw entry.unknown(allowed: keys)
            }
        }
        let palette = try paletteNode.map { node throws(ConfigError) in try readPalette(node) } ?? [:]
        let roles = try rolesNode.map { node throws(ConfigError) in try readRoles(node, palette: palette) } ?? [:]
        return Theme.make(name: name, palette: palette, roles: roles)
    }

    static func readPalette(_ node: ConfigNode) throws(ConfigError) -> [String: Color] {
        var palette: [String: Color] = [:]
        for entry in try node.entries(expected: Expected.palette) {
            let text = try entry.value.text(expected: Expected.paletteColor)
            do {
                palette[entry.key] = try Color(parsing: text)
            } catch {
                throw colorError(error, at: entry.value, palette: [:])
            }
        }
        return palette
    }

    static func readRoles(_ node: ConfigNode, palette: [String: Color]) throws(ConfigError) -> [Role: RoleStyle] {
        var roles: [Role: RoleStyle] = [:]
        var lines: [Role: Int] = [:]
        let names = Role.allCases.map(\.name)
        for entry in try node.entries(expected: Expected.roles) {
            guard let role = Role(name: entry.key) else {
                if let suggestion = KeySuggestion.nearest(to: entry.key, among: names) {
                    throw entry.keyNode.error("unknown role \(Quoting.quoted(entry.key))", suggestion: suggestion)
                }
                throw entry.keyNode.error("unknown role \(Quoting.quoted(entry.key)); the roles are \(roleList)")
            }
            if let line = lines[role] {
                throw entry.keyNode.error("the role \(Quoting.quoted(role.name)) is already styled on line \(line); style it once")
            }
            lines[role] = entry.keyNode.mark?.line ?? 0
            roles[role] = try readStyle(entry.value, palette: palette)
        }
        return roles
    }

    static func readStyle(_ node: ConfigNode, palette: [String: Color]) throws(ConfigError) -> RoleStyle {
        var style = RoleStyle()
        for entry in try node.entries(expected: Expected.style) {
            switch entry.key {
            case "fg": style.fg = try color(entry.value, palette: palette)
            case "bg": style.bg = try color(entry.value, palette: palette)
            default:
                guard let attribute = TextAttributes.named.first(where: { $0.name == entry.key })?.attribute else {
                    throw entry.unknown(allowed: styleKeys)
                }
                if try flag(entry.value) { style.attributes.insert(attribute) } else { style.attributes.remove(attribute) }
            }
        }
        return style
    }

    /// A palette name (which wins over a colour of the same name) or a colour.
    static func color(_ node: ConfigNode, palette: [String: Color]) throws(ConfigError) -> Color {
        let text = try node.text(expected: Expected.color)
        do {
            return try Theme.color(reference: text, palette: palette)
        } catch {
            throw colorError(error, at: node, palette: palette)
        }
    }

    /// YAML's core-schema booleans, whatever their quoting.
    static func flag(_ node: ConfigNode) throws(ConfigError) -> Bool {
        let text = try node.text(expected: Expected.flag)
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: throw node.expected(Expected.flag)
        }
    }

    /// `unknown colour "blu"; did you mean "blue"?` for something written like a name, the
    /// parser's own explanation for a malformed notation ("#12345", "rgb(1,2)").
    static func colorError(_ error: ColorParseError, at node: ConfigNode, palette: [String: Color]) -> ConfigError {
        let text = error.input
        let looksLikeName = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == " "
        }
        guard looksLikeName else { return node.error(error.description) }
        let candidates = palette.keys.sorted() + colorNames
        if let suggestion = KeySuggestion.nearest(to: text, among: candidates) {
            return node.error("unknown colour \(Quoting.quoted(text))", suggestion: suggestion)
        }
        let paletteNames = palette.isEmpty ? "the palette is empty" : "the palette has " + palette.keys.sorted().joined(separator: ", ")
        return node.error("unknown colour \(Quoting.quoted(text)); \(paletteNames), and colours are written "
            + "\"#rrggbb\", \"rgb(r,g,b)\", \"color(0–255)\", a name such as \"red\" or \"bright-blue\", or \"default\"")
    }

    static let colorNames = BasicColor.allCases.map(\.name) + ["gray", "grey", "default"]

    /// The role names for messages, the service roles folded into one range.
    static let roleList: String = {
        let fixed = Role.allCases.filter { if case .service = $0 { false } else { true } }.map(\.name)
        return (fixed + ["service-0 … service-\(Role.serviceCount - 1)"]).joined(separator: ", ")
    }()
}
