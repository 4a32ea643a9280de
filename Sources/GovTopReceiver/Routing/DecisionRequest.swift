import GovTopCore
import NIOHTTP1

/// `GET /api/v1/decision` (any method, and any path below it, as Envoy's `ext_authz` appends the
/// original path): the scope a gateway asks about, read from query parameters named after the
/// dimensions (`team=ml-platform`) or, for dimensions the query does not name, from the configured
/// request headers (`X-GenOps-Team`). Other query parameters are ignored (a gateway may pass the
/// original query along).
///
/// Values are hostile input: at most `DecisionSettings.maxValueBytes` bytes, no control characters,
/// and a header sent twice with different values is refused, each with a `400` that says which.
/// An empty value means the dimension is not given.
struct DecisionRequest: Sendable, Equatable {
    var scope: DecisionScope
    var denyStatus: Int

    static let path = "/api/v1/decision"

    static func matches(_ path: Substring) -> Bool {
        path == Self.path || path.hasPrefix(Self.path + "/")
    }

    static func parse(query: Substring, headers: HTTPHeaders, settings: DecisionSettings) throws(RequestFailure) -> DecisionRequest {
        let parameters = try QueryString(query)
        var scope = DecisionScope()
        for dimension in Dimension.allCases {
            if let value = parameters[dimension.rawValue] {
                try check(value, what: "query parameter \(dimension.rawValue)")
                if !value.isEmpty {
                    scope[dimension] = value
                    continue
                }
            }
            guard let name = settings.headers[dimension] else { continue }
            let values = headers[name]
            guard let first = values.first else { continue }
            let shownName = RequestRouter.shown(name)
            if values.dropFirst().contains(where: { $0 != first }) {
                throw .badRequest("header \(shownName) was sent \(values.count) times with different values; send it once")
            }
            try check(first, what: "header \(shownName)")
            if !first.isEmpty { scope[dimension] = first }
        }
        return DecisionRequest(scope: scope, denyStatus: settings.denyStatus)
    }

    private static func check(_ value: String, what: String) throws(RequestFailure) {
        if value.utf8.count > DecisionSettings.maxValueBytes {
            throw .badRequest("\(what) is \(value.utf8.count) bytes long; the limit is \(DecisionSettings.maxValueBytes) bytes")
        }
        if value.unicodeScalars.contains(where: ControlCharacters.isControl) {
            throw .badRequest("\(what) holds a control character; send printable text")
        }
    }
}
