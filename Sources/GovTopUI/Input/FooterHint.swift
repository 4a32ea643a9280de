/// One hint in the footer: the primary key of a binding and what it does.
public struct FooterHint: Hashable, Sendable {
    public var key: String
    public var description: String

    public init(key: String, description: String) {
        self.key = key
        self.description = description
    }
}
