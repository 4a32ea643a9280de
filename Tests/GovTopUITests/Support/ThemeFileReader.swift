import Foundation
@testable import GovTopTheme
@testable import GovTopUI

/// Reads the shipped theme files in the narrow YAML subset they are written in (top-level keys,
/// one level of `key: "value"` for the palette, flow mappings for roles), so tests can check the
/// files against the roles, the colour parser and `Theme.default`. Not the product's loader.
enum ThemeFileReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var themesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
    }

    /// The theme and the names of the roles the file defines.
    static func read(_ file: String) throws -> (theme: Theme, definedRoles: Set<Role>) {
        let text = try String(contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
        var name = ""
        var palette: [String: Color] = [:]
        var rawRoles: [(String, String, Int)] = []
        var section = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { throw Failure(description: "\(file):\(index + 1): no key") }
            let key = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix(" ") {
                section = key
                if key == "name" { name = unquoted(value) }
                continue
            }
            switch section {
            case "palette":
                do { palette[key] = try Color(parsing: unquoted(value)) } catch {
                    throw Failure(description: "\(file):\(index + 1): palette \(key): \(error)")
                }
            case "roles":
                rawRoles.append((key, value, index + 1))
            default:
                throw Failure(description: "\(file):\(index + 1): unexpected nested key \(key) under \(section)")
            }
        }
        var roles: [Role: RoleStyle] = [:]
        for (key, value, line) in rawRoles {
            guard let role = Role(name: key) else { throw Failure(description: "\(file):\(line): unknown role \(key)") }
            roles[role] = try roleStyle(value, palette: palette, at: "\(file):\(line)")
        }
        return (Theme.make(name: name, palette: palette, roles: roles), Set(roles.keys))
    }

    private static func roleStyle(_ flow: String, palette: [String: Color], at location: String) throws -> RoleStyle {
        guard flow.hasPrefix("{"), flow.hasSuffix("}") else { throw Failure(description: "\(location): not a flow mapping") }
        var style = RoleStyle()
        for entry in flow.dropFirst().dropLast().split(separator: ",") {
            let parts = entry.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw Failure(description: "\(location): bad entry \(entry)") }
            let value = unquoted(parts[1])
            if parts[0] == "fg" || parts[0] == "bg" {
                let color = try Theme.color(reference: value, palette: palette)
                if parts[0] == "fg" { style.fg = color } else { style.bg = color }
            } else if let attribute = TextAttributes.named.first(where: { $0.name == parts[0] })?.attribute {
                guard value == "true" || value == "false" else { throw Failure(description: "\(location): \(parts[0]) must be true or false") }
                if value == "true" { style.attributes.insert(attribute) }
            } else {
                throw Failure(description: "\(location): unknown key \(parts[0])")
            }
        }
        return style
    }

    private static func unquoted(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
    }
}
