/// What the app loop must do after a key, outside the navigation state. Everything else a key
/// changes (focus, zoom, sort, filter, dimension, selection, pause, theme) is in the state the
/// loop reads when it builds the next frame.
public enum NavigationAction: Hashable, Sendable {
    case quit
    /// Load this trace (32 hex digits) for the detail screen.
    case openTrace(traceID: String)
    /// The detail screen closed; the loaded trace can be dropped.
    case closeTrace
    case acknowledgeAlert(id: String)
    case clearResolvedAlerts
    /// Write this text to the clipboard (OSC 52).
    case copyToClipboard(String)
    /// Write this trace as OTLP JSON to a file and tell the user where.
    case exportTrace(traceID: String)
    /// The theme index changed; resolve and apply that theme.
    case themeChanged(index: Int)
    /// Pausing freezes the drawn snapshot; ingestion continues.
    case pauseChanged(paused: Bool)
    /// A short message for the status line.
    case notify(String)
    /// The state changed: draw now rather than at the next tick.
    case redraw
}
