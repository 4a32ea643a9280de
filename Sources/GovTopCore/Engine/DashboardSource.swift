/// Where the dashboard gets what it draws and sends what a key asks for: the engine of this
/// process, or running govtops' JSON APIs (`govtop attach`, GovTopClient's `RemoteSource`).
///
/// Every method answers at once, on the UI thread: a remote source answers from what it fetched
/// last and does its network work in the background; what that work has to say comes back
/// through `takeNotices()`.
public protocol DashboardSource: AnyObject, Sendable {
    /// One frame's data (see `DashboardRequest`).
    func dashboard(_ request: DashboardRequest) -> DashboardSnapshot
    /// A trace's spans for the detail screen.
    func lookUpTrace(_ id: TraceID) -> TraceLookup
    /// Acknowledges an alert; returns what to tell the user.
    func acknowledge(alertID: String) -> String
    /// Removes resolved alerts from the log; returns what to tell the user.
    func clearResolved() -> String
    /// Messages from background work since the last call (an acknowledgement done, an instance
    /// gone or back), oldest first.
    func takeNotices() -> [String]
    /// The parts of the source that did not answer lately (attached instances by `host:port`), for the header.
    func unavailable() -> [String]
    /// Whether `history(_:)` has a ledger of record behind it.
    var hasLedger: Bool { get }
    /// Now, in Unix nanoseconds (history ranges end now).
    func currentTime() -> UInt64
    func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer
}

/// The answer to `DashboardSource.lookUpTrace`.
public enum TraceLookup: Sendable {
    case found(TraceDetail)
    /// Neither stored nor known.
    case missing
    /// Being fetched; a later snapshot (`DashboardRequest.openTrace`) brings it.
    case loading
}
