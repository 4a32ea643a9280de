/// What `govtop render` can draw: the dashboard, one panel zoomed, the spend chart zoomed, one
/// trace's detail, or the help overlay over the dashboard.
public enum RenderView: String, CaseIterable, Sendable {
    case dashboard, traces, trace, teams, budgets, alerts, chart, help
}

/// The file formats of a render: plain text, text with ANSI colours (true colour), an SVG image.
public enum RenderFormat: String, CaseIterable, Sendable {
    case txt, ansi, svg

    /// The format a file name's extension implies (`.txt`, `.ansi`, `.svg`), if any.
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
    }
}
