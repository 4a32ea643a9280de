import Foundation

/// Policy and evaluation conditions built from plain values. These are counted events: pass how many
/// happened since the last observation as `count`; they add up in the alert's count.
extension AlertCondition {
    /// The team name shown when spend or events carry none.
    public static let unattributedTeam = Dimension.unattributed

    public static func policySubject(policy: String, team: String?) -> String {
        "policy \(policy) / team \(team ?? unattributedTeam)"
    }

    public static func evaluationSubject(metric: String, team: String?) -> String {
        "evaluation \(metric) / team \(team ?? unattributedTeam)"
    }

    /// A policy result other than `allowed` (see SEMANTICS.md: `blocked`, `warning`, `rate_limited`,
    /// `error`; anything else is reported as given). One alert per policy and team. Without an explicit
    /// severity (a local rule has one), `blocked` and `error` are warnings, `warning` and `rate_limited` info.
    /// Nil for `allowed`, an empty result or a count below 1.
    public static func policyViolation(policy: String, team: String?, result: String, reason: String? = nil,
                                       count: Int = 1, severity: AlertSeverity? = nil) -> AlertCondition? {
        let normalized = result.trimmingCharacters(in: .whitespaces).lowercased()
        guard count >= 1, !normalized.isEmpty, normalized != "allowed" else { return nil }
        let requests = count == 1 ? "a request" : "\(count) requests"
        let verb: String
        let defaultSeverity: AlertSeverity
        switch normalized {
        case "blocked": (verb, defaultSeverity) = ("blocked \(requests)", .warning)
        case "warning": (verb, defaultSeverity) = ("warned on \(requests)", .info)
        case "rate_limited": (verb, defaultSeverity) = ("rate-limited \(requests)", .info)
        case "error": (verb, defaultSeverity) = ("failed to evaluate \(requests)", .warning)
        default: (verb, defaultSeverity) = ("reported '\(result)' for \(requests)", .warning)
        }
        let because = reason.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
        let message = "Policy \(policy) \(verb) from team \(team ?? unattributedTeam)\(because)"
        return AlertCondition(kind: .policyViolation, subject: policySubject(policy: policy, team: team),
                              severity: severity ?? defaultSeverity, message: message, increment: count)
    }

    /// Failed evaluations of a metric for a team, as a warning. Score and threshold are shown when known.
    /// Nil for a count below 1.
    public static func evaluationFailure(metric: String, team: String?, score: Double?, threshold: Double?,
                                         count: Int = 1) -> AlertCondition? {
        guard count >= 1 else { return nil }
        var message = "Evaluation \(metric) failed"
        if count > 1 { message += " \(count) times" }
        message += " for team \(team ?? unattributedTeam)"
        switch (score.flatMap { $0.isFinite ? $0 : nil }, threshold.flatMap { $0.isFinite ? $0 : nil }) {
        case let (score?, threshold?):
            let relation = score < threshold ? "below" : "against"
            message += ": score \(AlertFormat.number(score)) \(relation) the threshold \(AlertFormat.number(threshold))"
        case let (score?, nil):
            message += ": score \(AlertFormat.number(score))"
        case let (nil, threshold?):
            message += " (threshold \(AlertFormat.number(threshold)))"
        case (nil, nil):
            break
        }
        return AlertCondition(kind: .evaluationFailure, subject: evaluationSubject(metric: metric, team: team),
                              severity: .warning, message: message, increment: count)
    }
}
