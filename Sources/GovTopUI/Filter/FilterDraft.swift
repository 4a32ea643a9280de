/// The filter being typed after `/`: the input line, and the text parsed after every edit so a
/// mistake shows while typing, not only on Enter.
public struct FilterDraft: Hashable, Sendable {
    public private(set) var editor: LineEditor
    /// The draft's filter, or why it is not one yet.
    public private(set) var parsed: Result<TraceFilter, FilterParseError>

    public init(text: String) {
        editor = LineEditor(text: text)
        parsed = Self.parse(editor.text)
    }

    public var text: String { editor.text }

    /// The error to show under the input, if the draft does not parse.
    public var error: FilterParseError? {
        if case .failure(let error) = parsed { return error }
        return nil
    }

    mutating func edit(_ change: (inout LineEditor) -> Void) {
        let before = editor.characters
        change(&editor)
        if editor.characters != before { parsed = Self.parse(editor.text) }
    }

    private static func parse(_ text: String) -> Result<TraceFilter, FilterParseError> {
        do {
            return .success(try TraceFilter(parsing: text))
        } catch {
            return .failure(error)
        }
    }
}
