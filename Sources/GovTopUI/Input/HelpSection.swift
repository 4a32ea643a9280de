/// One section of the `?` overlay: the bindings of one context, in table order.
public struct HelpSection: Hashable, Sendable {
    public var context: BindingContext
    public var title: String
    /// What the context's `helpNote` says, if anything.
    public var note: String?
    public var entries: [HelpEntry]

    public init(context: BindingContext, title: String, note: String?, entries: [HelpEntry]) {
        self.context = context
        self.title = title
        self.note = note
        self.entries = entries
    }
}

/// One line of the help overlay.
public struct HelpEntry: Hashable, Sendable {
    /// Every key of the binding by label, e.g. `j Down`.
    public var keys: String
    public var description: String
    /// Set when the binding takes a key that means something else everywhere else, e.g.
    /// "overrides g = top (Home still does that)".
    public var overrideNote: String?

    public init(keys: String, description: String, overrideNote: String? = nil) {
        self.keys = keys
        self.description = description
        self.overrideNote = overrideNote
    }
}
