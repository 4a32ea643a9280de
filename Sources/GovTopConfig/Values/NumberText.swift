/// Numbers as a configuration file writes them: `12`, `-3.5`, `1e6`, `1_000_000`.
enum NumberText {
    /// A finite number, or nil. Underscores between digits are ignored.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace().replacingUnderscores()
        guard !trimmed.isEmpty, let value = Double(trimmed), value.isFinite else { return nil }
        return value
    }

    /// A whole number (`1e6` counts), or nil when the text is not one or is beyond ±2^53.
    static func integer(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace().replacingUnderscores()
        if let value = Int(trimmed) { return value }
        guard let value = number(trimmed), value.rounded() == value, abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    fileprivate func replacingUnderscores() -> String {
        String(filter { $0 != "_" })
    }
}
