import GovTopCore

/// Reads `decision: {headers: {team: X-GenOps-Team, ...}, deny_status: 429}` (decide, issue 15).
///
/// `headers` replaces the header name of the dimensions it lists; the others keep their defaults.
/// Header names are HTTP tokens (letters, digits and ``!#$%&'*+-.^_`|~``), at most 64 characters,
/// and no two dimensions may share one.
enum DecisionSection {
    enum Expected {
        static let section = "a mapping with headers and/or deny_status"
        static let headers = "a mapping of dimensions (team, project, ...) to request header names"
        static let header = "an HTTP header name such as X-GenOps-Team (letters, digits, '-', at most 64 characters)"
        static let denyStatus = "an HTTP status from 400 to 599, such as 429, or 403 for nginx's auth_request"
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> DecisionSettings {
        var settings = DecisionSettings()
        for entry in try node.entries(expected: Expected.section) {
            switch entry.key {
            case "headers": settings.headers = try headers(entry.value)
            case "deny_status":
                settings.denyStatus = try entry.value.integer(expected: Expected.denyStatus, in: DecisionSettings.denyStatuses)
            default: throw entry.unknown(allowed: ConfigKeys.decision)
            }
        }
        return settings
    }

    private static func headers(_ node: ConfigNode) throws(ConfigError) -> [Dimension: String] {
        var headers = DecisionSettings.defaultHeaders
        var taken: [String: Dimension] = [:]
        var given: [Dimension: String] = [:]
        for entry in try node.entries(expected: Expected.headers) {
            guard let dimension = Dimension(rawValue: entry.key) else { throw entry.unknown(allowed: ConfigKeys.decisionHeaders) }
            let name = try entry.value.text(expected: Expected.header)
            guard isToken(name) else { throw entry.value.expected(Expected.header) }
            if let other = taken[name.lowercased()] {
                throw entry.value.error("header \(name) is already the header of \(other.rawValue); give each dimension its own header")
            }
            taken[name.lowercased()] = dimension
            given[dimension] = name
        }
        for (dimension, name) in given { headers[dimension] = name }
        // A default name may now clash with a configured one: the configured dimension keeps it.
        for (dimension, name) in headers where given[dimension] == nil {
            if let owner = taken[name.lowercased()], owner != dimension { headers[dimension] = nil }
        }
        return headers
    }

    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64 && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
        }
    }
}
