import GovTopConfig
import GovTopTheme

/// What the dashboard needs besides the service: decided from the command line and the
/// configuration before the terminal is taken over, so mistakes are printed normally.
struct DashboardOptions: Sendable {
    var theme: Theme
    var themes: ThemeCatalog
    /// Ring the terminal bell when an alert calls for it.
    var bell: Bool
    var logFile: String
    /// Where exported traces are written.
    var exportDirectory: String
    var environment: [String: String]
    /// Seconds east of UTC for the times shown.
    var utcOffsetSeconds: Int
    /// Ask the terminal for mouse reports (off with `--no-mouse` or `mouse: false`).
    var mouse: Bool
}
