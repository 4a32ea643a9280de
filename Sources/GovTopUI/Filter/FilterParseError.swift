/// Why a filter could not be read, and where: shown under the filter input while the user types.
public struct FilterParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and what to write instead, e.g. "expected a number after '>'".
    public var message: String
    /// Character offset in the filter text where the problem starts, for a caret under the input.
    public var position: Int
    /// The term the problem is in, as written.
    public var term: String

    public init(message: String, position: Int, term: String) {
        self.message = message
        self.position = position
        self.term = term
    }

    /// `"cost>abc": expected a number after '>'`
    public var description: String { "\"\(term)\": \(message)" }
}
