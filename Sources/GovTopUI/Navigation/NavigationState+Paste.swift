extension NavigationState {
    /// A bracketed paste: typed into the filter input when it is open (up to the input's length
    /// limit); ignored anywhere else, so pasted text can never run commands.
    public mutating func handlePaste(_ text: String, context: NavigationContext) -> [NavigationAction] {
        reconcile(with: context)
        guard filterDraft != nil, !helpShown else { return [] }
        let before = self
        filterDraft?.edit { editor in
            for character in text where !editor.insert(character) && editor.characters.count >= editor.maxLength { break }
        }
        return self != before ? [.redraw] : []
    }
}
