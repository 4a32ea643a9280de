/// The GenOps SLA condition: a team's share of SLA misses above the configured threshold.
extension AlertCondition {
    public static func slaSubject(team: String) -> String { "sla team \(team)" }

    /// A warning while `missed / checked` is above `threshold` over at least `minimumChecks` checks,
    /// critical from twice the threshold (or 100%); nil otherwise.
    public static func slaMissRate(team: String, checked: Int, missed: Int, threshold: Double,
                                   minimumChecks: Int) -> AlertCondition? {
        guard checked >= max(1, minimumChecks) else { return nil }
        let rate = Double(missed) / Double(checked)
        guard rate > threshold else { return nil }
        let severity: AlertSeverity = rate >= min(1, 2 * threshold) ? .critical : .warning
        let message = "Team \(team) missed its SLA on \(missed) of \(checked) requests (\(AlertFormat.percent(rate))), "
            + "above the \(AlertFormat.percent(threshold)) threshold"
        return AlertCondition(kind: .slaMissRate, subject: slaSubject(team: team), severity: severity, message: message)
    }
}
