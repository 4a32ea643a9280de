extension NavigationState {
    /// `/` opens the input on the current filter; typing edits it; Enter applies it unless it has
    /// an error (which the draft shows); Esc leaves the applied filter as it was.
    mutating func performInFilter(_ command: Command) {
        switch command {
        case .editFilter:
            filterDraft = FilterDraft(text: filter?.text ?? "")
        case .applyFilter:
            guard case .success(let parsed) = filterDraft?.parsed else { return }
            let applied = parsed.isEmpty ? nil : parsed
            if applied != filter {
                filter = applied
                traces.reset()
            }
            filterDraft = nil
        case .cancelFilter: filterDraft = nil
        case .deleteBackward: filterDraft?.edit { $0.deleteBackward() }
        case .deleteForward: filterDraft?.edit { $0.deleteForward() }
        case .cursorLeft: filterDraft?.edit { $0.moveLeft() }
        case .cursorRight: filterDraft?.edit { $0.moveRight() }
        case .cursorHome: filterDraft?.edit { $0.moveToStart() }
        case .cursorEnd: filterDraft?.edit { $0.moveToEnd() }
        case .clearInput: filterDraft?.edit { $0.clear() }
        default: break
        }
    }
}
