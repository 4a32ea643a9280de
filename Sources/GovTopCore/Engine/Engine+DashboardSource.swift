/// The engine is the dashboard's local source: everything is read under its lock, at once.
extension Engine: DashboardSource {
    public func lookUpTrace(_ id: TraceID) -> TraceLookup {
        trace(id).map(TraceLookup.found) ?? .missing
    }

    public func acknowledge(alertID: String) -> String {
        acknowledgeAlert(id: alertID) != nil ? "alert acknowledged" : "that alert is gone"
    }

    public func clearResolved() -> String {
        let cleared = clearResolvedAlerts()
        return cleared == 0 ? "no resolved alerts to clear" : "cleared \(cleared) resolved alert\(cleared == 1 ? "" : "s")"
    }

    /// The engine's actions answer at once: nothing comes later.
    public func takeNotices() -> [String] { [] }

    /// The engine is in this process: always there.
    public func unavailable() -> [String] { [] }
}
