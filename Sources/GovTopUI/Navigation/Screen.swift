/// What fills the terminal. The help overlay and the filter input sit on top of any screen and
/// are flags of `NavigationState`, not screens.
public enum Screen: Hashable, Sendable {
    /// All four panels; `NavigationState.focus` says which one takes the keys.
    case dashboard
    /// One panel full screen.
    case zoomed(Panel)
    /// The spend chart full screen: the last hour per minute and the last day per 15 minutes.
    case spendChart
    /// The waterfall and span detail of one trace (id as 32 hex digits).
    case traceDetail(traceID: String)
    /// Spend per day and per hour from the ledger of record (ledger: issue 11).
    case history
    /// GenOps conformance per service (conformance: issue 13).
    case conformance
}
