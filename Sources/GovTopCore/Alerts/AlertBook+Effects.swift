/// The alert book's part of phase two: alerts raised by what spans carried.
extension AlertBook {
    /// For each span, under its effective team: violations of local rules whose action is `alert`,
    /// policy violations reported in telemetry, and failed evaluations. Returns the changes.
    mutating func observe(_ effects: [SpanEffect], now: UInt64) -> [AlertChange] {
        var changes: [AlertChange] = []
        for effect in effects { observe(effect, now: now, into: &changes) }
        return changes
    }

    /// One span's alerts, appended to `changes`.
    mutating func observe(_ effect: SpanEffect, now: UInt64, into changes: inout [AlertChange]) {
        let team = effect.effective.team
        for violation in effect.local where violation.action == .alert {
            if let condition = AlertCondition.policyViolation(policy: violation.rule, team: team, result: violation.result,
                                                              reason: violation.violationType, severity: violation.severity) {
                changes.append(observe(condition, now: now))
            }
        }
        for outcome in effect.facts.policies where outcome.isViolation {
            if let condition = AlertCondition.policyViolation(policy: outcome.name, team: team, result: outcome.result,
                                                              reason: outcome.violationType) {
                changes.append(observe(condition, now: now))
            }
        }
        for evaluation in effect.facts.evaluations where !evaluation.passed {
            if let condition = AlertCondition.evaluationFailure(metric: evaluation.metric, team: team,
                                                                score: evaluation.score, threshold: evaluation.threshold) {
                changes.append(observe(condition, now: now))
            }
        }
    }
}
