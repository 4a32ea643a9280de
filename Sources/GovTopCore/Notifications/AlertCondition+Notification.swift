extension AlertCondition {
    /// The subject of a sink's failure alert: `notifications <sink>`.
    public static func notificationSubject(sink: String) -> String { "notifications \(sink)" }

    /// A sink failed `failures` deliveries in a row; alerts may not be reaching people. Critical, like
    /// a failing ledger. It resolves as soon as the sink delivers again (`Engine.recordNotificationRecovery`).
    public static func notificationFailure(sink: String, target: String, failures: Int, error: String) -> AlertCondition {
        AlertCondition(kind: .notificationFailure, subject: notificationSubject(sink: sink), severity: .critical,
                       message: ControlCharacters.replaced(in: "notifications to \(sink) (\(target)) failed \(failures) times in a row: \(error). "
                           + "Alerts are not reaching it; check the receiver, or the sink's url or run in the configuration."))
    }
}
