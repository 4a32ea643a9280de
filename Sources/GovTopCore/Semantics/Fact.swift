/// Every governance fact govtop reads from attributes. The alias tables in `SemanticAliases` map
/// attribute keys to these.
public enum Fact: Int, CaseIterable, Sendable {
    // Attribution dimensions.
    case team, project, customer, environment, costCenter, feature, user
    // Model and tokens.
    case provider, model, inputTokens, outputTokens, cachedInputTokens, cacheWriteInputTokens, reasoningTokens, operation
    // Cost.
    case reportedCost, reportedInputCost, reportedOutputCost, currency
    // Policy.
    case policyName, policyResult, policyViolationType, policyAction
    // Budget.
    case budgetName, budgetLimit, budgetConsumed, budgetRemaining, budgetPeriod, budgetAlertThreshold
    // Evaluation.
    case evalMetric, evalScore, evalThreshold, evalResult, evalPassed
    // GenOps Governance Specification v0.1: accounting, decision reason, SLA.
    case accountingReserved, accountingActual, accountingUnit, accountingDelta
    case policyReasonCode
    case slaTier, slaLatencyTarget, slaActualLatency, slaMet

    /// Facts that attribute spend to someone; these are inherited inside a trace.
    public static let attribution: [Fact] = [.team, .project, .customer, .environment, .costCenter, .feature, .user]
}
