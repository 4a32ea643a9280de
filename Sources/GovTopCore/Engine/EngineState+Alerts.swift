/// The alert book's periodic tick, for the conditions that depend on rates and budgets (phase two
/// of ingest feeds it through `AlertBook.observe(_:now:)`).
extension EngineState {
    /// Cost and error-rate spikes from the ledger's windows, then resolution of stale alerts.
    mutating func tickAlerts(now: UInt64) {
        if let baseline = costBaselinePerMinute(now: now),
           let spike = spikes.costSpike(usdPerMinute: Money(nanos: ledger.seconds.cost.sum(lastSeconds: 60, now: now)).usd,
                                        baselineUSDPerMinute: baseline) {
            record(alerts.observe(spike, now: now))
        }
        let requests = Int(clamping: ledger.minutes.requests.sum(lastSeconds: 300, now: now))
        let errors = Int(clamping: ledger.minutes.errors.sum(lastSeconds: 300, now: now))
        if let spike = spikes.errorRateSpike(requests: requests, errors: errors) {
            record(alerts.observe(spike, now: now))
        }
        for condition in slaMissRates() { record(alerts.observe(condition, now: now)) }
        for change in alerts.evaluate(now: now) { record(change) }
    }

    /// Average cost per minute over the hour before the current minute (or the time observed, if
    /// shorter); nil until there is enough history to call anything a spike.
    func costBaselinePerMinute(now: UInt64) -> Double? {
        let observed = Double(now &- startedAt) / 1e9
        guard now > startedAt, observed >= spikeBaselineMinimumSeconds else { return nil }
        let minutes = ledger.minutes.cost.buckets(61, now: now).dropLast()
        let span = min(60, max(1, Int(observed / 60)))
        return Money(nanos: minutes.suffix(span).reduce(0, +)).usd(per: Double(span))
    }

    mutating func record(_ change: AlertChange) {
        if change.ringsBell { bellRings += 1 }
        notificationOutbox.record(change) // notifications: issue 15
    }
}
