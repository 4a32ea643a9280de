/// Budget conditions built from plain values, with messages a person understands. Each returns nil
/// when its condition does not hold (or the values make no sense, such as NaN or a negative limit).
/// All three share the subject `budget <name>`; being of different kinds they are separate alerts.
extension AlertCondition {
    public static func budgetSubject(_ budget: String) -> String { "budget \(budget)" }

    /// Holds while utilization (consumed ÷ limit) is at or above one of `thresholds` (fractions, e.g.
    /// 0.8), also past 100%. There is one threshold alert per budget: its message names the highest
    /// threshold crossed and its severity is `budgetThresholdSeverity` of that threshold.
    public static func budgetThreshold(budget: String, consumedUSD: Double, limitUSD: Double,
                                       thresholds: [Double]) -> AlertCondition? {
        guard consumedUSD.isFinite, limitUSD.isFinite, limitUSD > 0, consumedUSD >= 0 else { return nil }
        let utilization = consumedUSD / limitUSD
        guard let crossed = thresholds.filter({ $0.isFinite && $0 > 0 && utilization >= $0 }).max() else { return nil }
        let message = "Budget \(budget) has used \(AlertFormat.percent(utilization)) of its \(AlertFormat.usd(limitUSD)) limit "
            + "(\(AlertFormat.usd(consumedUSD))), past its \(AlertFormat.percent(crossed)) alert threshold"
        return AlertCondition(kind: .budgetThreshold, subject: budgetSubject(budget),
                              severity: budgetThresholdSeverity(crossed), message: message)
    }

    /// Severity of crossing a utilization threshold: from 90% critical, from 75% warning, below info
    /// (so the default thresholds 50%, 80%, 95% read info, warning, critical).
    public static func budgetThresholdSeverity(_ threshold: Double) -> AlertSeverity {
        threshold >= 0.9 ? .critical : threshold >= 0.75 ? .warning : .info
    }

    /// Holds, critical, once consumption reached the limit (a zero limit is reached by any spend).
    public static func budgetExceeded(budget: String, consumedUSD: Double, limitUSD: Double) -> AlertCondition? {
        guard consumedUSD.isFinite, limitUSD.isFinite, limitUSD >= 0, consumedUSD > 0, consumedUSD >= limitUSD else { return nil }
        let share = limitUSD > 0 ? " (\(AlertFormat.percent(consumedUSD / limitUSD)))" : ""
        let verb = consumedUSD > limitUSD ? "is over its limit" : "has reached its limit"
        let message = "Budget \(budget) \(verb): \(AlertFormat.usd(consumedUSD)) spent of \(AlertFormat.usd(limitUSD))\(share)"
        return AlertCondition(kind: .budgetExceeded, subject: budgetSubject(budget), severity: .critical, message: message)
    }

    /// Holds, as a warning, while the budget is not yet exhausted but at the current rate runs out
    /// (`exhaustsAt`) before its period resets (`resetsAt`). Times are Unix nanoseconds.
    public static func budgetProjectedExhaustion(budget: String, consumedUSD: Double, limitUSD: Double,
                                                 exhaustsAt: UInt64, resetsAt: UInt64, now: UInt64) -> AlertCondition? {
        guard consumedUSD.isFinite, limitUSD.isFinite, limitUSD > 0, consumedUSD >= 0, consumedUSD < limitUSD,
              exhaustsAt < resetsAt else { return nil }
        let when = exhaustsAt > now
            ? "runs out in about \(AlertFormat.duration(nanoseconds: exhaustsAt - now))"
            : "is about to run out"
        let early = AlertFormat.duration(nanoseconds: resetsAt - exhaustsAt)
        let message = "Budget \(budget) \(when) at the current rate (\(AlertFormat.usd(consumedUSD)) of "
            + "\(AlertFormat.usd(limitUSD)) used), \(early) before it resets"
        return AlertCondition(kind: .budgetProjectedExhaustion, subject: budgetSubject(budget), severity: .warning, message: message)
    }
}
