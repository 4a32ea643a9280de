/// A govtop API answer that could not be read: not JSON, or JSON of another shape.
public struct APIDecodeError: Error, Sendable, CustomStringConvertible {
    /// The endpoint, e.g. `/api/v1/traces`.
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "the answer to \(path) is not govtop's JSON (\(reason)); is the URL a govtop?" }
}
