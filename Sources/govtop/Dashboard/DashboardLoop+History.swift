import GovTopCore
import GovTopUI

extension DashboardLoop {
    /// The History screen's data from the ledger of record (ledger: issue 11); nil without one, or
    /// when it cannot be read (the failure is the header's and the alert's to show).
    func history(dimension: Dimension) -> HistoryFrame? {
        guard source.hasLedger else { return nil }
        let now = Int64(source.currentTime() / 1_000_000_000)
        let queries = HistoryFrame.queries(dimension: dimension, now: now)
        guard let days = try? source.history(queries.days), let hours = try? source.history(queries.hours) else { return nil }
        return HistoryFrame(dimension: dimension, days: days, hours: hours, now: now)
    }
}
