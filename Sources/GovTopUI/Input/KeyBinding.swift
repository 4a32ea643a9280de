/// One row of the key-binding table: which keys run which command, where, and how it is described.
public struct KeyBinding: Hashable, Sendable {
    /// The keys, primary first; the footer shows only the primary one.
    public var keys: [Key]
    public var command: Command
    /// A few words for the footer and the help overlay, e.g. "cycle sort".
    public var description: String
    public var context: BindingContext
    public var shownInFooter: Bool

    public init(_ keys: [Key], _ command: Command, _ description: String, in context: BindingContext, footer: Bool = false) {
        self.keys = keys
        self.command = command
        self.description = description
        self.context = context
        self.shownInFooter = footer
    }

    /// All keys by label, as the help overlay lists them: `j Down`.
    public var keyLabels: String { keys.map(\.label).joined(separator: " ") }
}
