/// Decides from given rates whether cost or errors are spiking, by the rules in `AlertSettings`. Pure:
/// the caller measures the rates (from the ledger's windows) and feeds the result to `AlertBook.observe`.
public struct SpikeDetector: Sendable, Hashable {
    public var settings: AlertSettings

    public init(settings: AlertSettings = AlertSettings()) {
        self.settings = settings
    }

    /// A cost spike: the cost per minute over the last minute is above `costSpikeFactor` × the baseline
    /// (the average cost per minute over the last hour) and above `costSpikeMinimumUSDPerMinute`.
    /// Critical from twice the factor, warning below (and when there was no spend in the last hour).
    /// `scope` (e.g. `team:ml`) names what the rates cover; nil for all traffic.
    public func costSpike(usdPerMinute rate: Double, baselineUSDPerMinute baseline: Double,
                          scope: String? = nil) -> AlertCondition? {
        guard rate.isFinite, baseline.isFinite, baseline >= 0, rate > settings.costSpikeMinimumUSDPerMinute,
              rate > settings.costSpikeFactor * baseline else { return nil }
        let prefix = "Cost rate" + (scope.map { " for \($0)" } ?? "")
        let message: String
        let severity: AlertSeverity
        if baseline > 0 {
            let ratio = rate / baseline
            message = "\(prefix) \(AlertFormat.usd(rate))/min is \(AlertFormat.ratio(ratio)) the 1-hour baseline of "
                + "\(AlertFormat.usd(baseline))/min"
            severity = rate >= 2 * settings.costSpikeFactor * baseline ? .critical : .warning
        } else {
            message = "\(prefix) \(AlertFormat.usd(rate))/min after no spend in the past hour"
            severity = .warning
        }
        return AlertCondition(kind: .costSpike, subject: SpikeDetector.subject("cost rate", scope), severity: severity,
                              message: message)
    }

    /// An error-rate spike: of the requests in the last 5 minutes (at least `errorRateMinimumRequests`),
    /// the failed share is above `errorRateThreshold`. Critical from twice the threshold (or 100%).
    /// Nil for negative counts; errors beyond the requests count as all requests failing.
    public func errorRateSpike(requests: Int, errors: Int, scope: String? = nil) -> AlertCondition? {
        guard requests > 0, errors > 0, requests >= settings.errorRateMinimumRequests else { return nil }
        let failed = min(errors, requests)
        let fraction = Double(failed) / Double(requests)
        guard fraction > settings.errorRateThreshold else { return nil }
        let prefix = "Error rate" + (scope.map { " for \($0)" } ?? "")
        let message = "\(prefix) \(AlertFormat.percent(fraction)) (\(failed) of \(AlertFormat.counted(requests, "request")) "
            + "in the last 5 min) is above the \(AlertFormat.percent(settings.errorRateThreshold)) threshold"
        let severity: AlertSeverity = fraction >= min(1, 2 * settings.errorRateThreshold) ? .critical : .warning
        return AlertCondition(kind: .errorRateSpike, subject: SpikeDetector.subject("error rate", scope), severity: severity,
                              message: message)
    }

    /// `cost rate`, or `cost rate team:ml` for a scope.
    static func subject(_ what: String, _ scope: String?) -> String {
        scope.map { "\(what) \($0)" } ?? what
    }
}
