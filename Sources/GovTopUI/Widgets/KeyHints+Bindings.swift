extension KeyHints {
    /// The footer from the binding table, `KeyBindings.footerHints(for:)`, in its order.
    public init(_ hints: [FooterHint]) {
        self.init(hints.map { (keys: $0.key, description: $0.description, section: "") })
    }
}
