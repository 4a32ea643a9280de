/// Feeding the alert book: per-span observations at ingest, and a periodic tick for the conditions
/// that depend on rates and budgets.
extension EngineState {
    /// Policy violations (reported and local) and evaluation failures of one span: counted per
    /// policy/metric and team, and raised as alerts (local rules only when their action is `alert`).
    mutating func observeOutcomes(of facts: GovernanceFacts, local: [LocalViolation], team: String?, at now: UInt64) {
        if !facts.policies.isEmpty { policyStats.record(facts.policies, team: team) }
        if !local.isEmpty { policyStats.record(local, team: team) }
        if !facts.evaluations.isEmpty { evaluationStats.record(facts.evaluations, team: team) }
        for violation in local where violation.action == .alert {
            if let condition = AlertCondition.policyViolation(policy: violation.rule, team: team, result: violation.result,
                                                              reason: violation.violationType, severity: violation.severity) {
                record(alerts.observe(condition, now: now))
            }
        }
        for outcome in facts.policies where outcome.isViolation {
            if let condition = AlertCondition.policyViolation(policy: outcome.name, team: team, result: outcome.result,
                                                              reason: outcome.violationType) {
                record(alerts.observe(condition, now: now))
            }
        }
        for evaluation in facts.evaluations where !evaluation.passed {
            if let condition = AlertCondition.evaluationFailure(metric: evaluation.metric, team: team,
                                                                score: evaluation.score, threshold: evaluation.threshold) {
                record(alerts.observe(condition, now: now))
            }
        }
    }

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
    }
}
