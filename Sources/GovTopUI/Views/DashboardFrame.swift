import GovTopCore

/// Everything one frame of the terminal UI shows besides the navigation state: the engine's
/// snapshot, the open trace, and the few facts the app loop adds. A plain value: the view draws it
/// and `NavigationContext(frame:state:width:height:)` measures it, so both see the same data.
public struct DashboardFrame: Sendable {
    public var snapshot: DashboardSnapshot
    /// The trace the detail screen shows, loaded by the app after `.openTrace`; nil while it is
    /// not loaded, or when the store no longer holds it.
    public var trace: TraceDetail?
    /// Where the OTLP receiver listens, e.g. `:4318` or `127.0.0.1:4318`.
    public var listenAddress: String
    /// Spans received per second, as the app measures it.
    public var spansPerSecond: Double
    /// A short status message (from `.notify`, an export, an error) shown at the right of the footer.
    public var notice: String?
    /// The name of the theme in use, shown in the help overlay's title.
    public var themeName: String
    /// Seconds east of UTC for the times the panels show (trace start, "runs out 14:32"); the app
    /// passes its local zone's offset, tests pass 0.
    public var utcOffsetSeconds: Int
    /// What the History screen shows; nil when there is no ledger of record (ledger: issue 11).
    public var history: HistoryFrame?
    /// Attached govtops that did not answer their latest poll (`govtop attach`), by `host:port`.
    public var unavailable: [String] = []

    public init(snapshot: DashboardSnapshot, trace: TraceDetail? = nil, listenAddress: String = "", spansPerSecond: Double = 0,
                notice: String? = nil, themeName: String = "default", utcOffsetSeconds: Int = 0) {
        self.snapshot = snapshot
        self.trace = trace
        self.listenAddress = listenAddress
        self.spansPerSecond = spansPerSecond
        self.notice = notice
        self.themeName = themeName
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The open trace when it is the one navigation has open (a stale load is ignored).
    func openTrace(for state: NavigationState) -> TraceDetail? {
        guard let trace, let open = state.traceDetail, trace.traceID.hex == open.traceID else { return nil }
        return trace
    }
}
