/// A policy decision reported in telemetry (`genops.policy.*` on a span or one of its events).
public struct PolicyOutcome: Sendable, Hashable {
    public var name: String
    /// Lower-cased result: `allowed`, `blocked`, `warning`, `rate_limited`, `error` or whatever was sent.
    public var result: String
    public var violationType: String?
    public var action: String?
    /// `genops.policy.reason_code` as sent (the GenOps taxonomy is upper case; extensions `x_…`).
    public var reasonCode: String?

    public init(name: String, result: String, violationType: String? = nil, action: String? = nil, reasonCode: String? = nil) {
        self.name = name
        self.result = result
        self.violationType = violationType
        self.action = action
        self.reasonCode = reasonCode
    }

    /// Any result other than `allowed` is a violation.
    public var isViolation: Bool { result != "allowed" }
}

/// A budget state reported in telemetry (`genops.budget.*`). The normalizer keeps only amounts in
/// 0...`ValueBounds.maxBudgetUSD` and thresholds in `ValueBounds.budgetThresholdRange`.
public struct BudgetReport: Sendable, Hashable {
    /// Nil when the span did not name the budget; the ledger derives a name from the attribution.
    public var name: String?
    public var limit: Double?
    public var consumed: Double?
    public var remaining: Double?
    public var period: String?
    public var alertThreshold: Double?

    public init(name: String? = nil, limit: Double? = nil, consumed: Double? = nil, remaining: Double? = nil,
                period: String? = nil, alertThreshold: Double? = nil) {
        self.name = name
        self.limit = limit
        self.consumed = consumed
        self.remaining = remaining
        self.period = period
        self.alertThreshold = alertThreshold
    }
}

/// One evaluation result (`genops.eval.*`, `gen_ai.evaluation.*`).
public struct EvaluationResult: Sendable, Hashable {
    public var metric: String
    public var score: Double?
    public var threshold: Double?
    /// Explicit pass/fail when the telemetry said so.
    public var explicitPass: Bool?

    public init(metric: String, score: Double? = nil, threshold: Double? = nil, explicitPass: Bool? = nil) {
        self.metric = metric
        self.score = score
        self.threshold = threshold
        self.explicitPass = explicitPass
    }

    /// The explicit result wins; without one, a score below its threshold fails.
    public var passed: Bool {
        if let explicitPass { return explicitPass }
        if let score, let threshold { return score >= threshold }
        return true
    }
}

/// Everything govtop knows about one span's governance, read once at ingest.
public struct GovernanceFacts: Sendable, Hashable {
    /// Attribution from the span itself, else its resource (not yet from its trace ancestry).
    public var attribution = Attribution()
    public var service: String = "unknown_service"
    public var provider: String?
    public var model: String?
    public var operation: String?
    public var inputTokens: Int64?
    public var outputTokens: Int64?
    public var cachedInputTokens: Int64?
    public var cacheWriteInputTokens: Int64?
    public var reasoningTokens: Int64?
    public var reportedCost: Money?
    public var reportedInputCost: Money?
    public var reportedOutputCost: Money?
    public var currency: String = "USD"
    public var policies: [PolicyOutcome] = []
    public var budget: BudgetReport?
    public var evaluations: [EvaluationResult] = []
    /// GenOps accounting (reserved and actual amounts), when the span reported any.
    public var accounting: AccountingReport?
    /// GenOps SLA outcome, when the span reported one.
    public var sla: SLAOutcome?
    public var isError = false
    /// Attribute keys whose values were rejected at the door (see `ValueBounds`), each once.
    public var invalidValues: [String] = []

    public init() {}

    /// A span is an AI request when it names a model or reports tokens, cost or a GenOps actual amount.
    public var isAIRequest: Bool {
        model != nil || inputTokens != nil || outputTokens != nil || reportedCost != nil || accounting?.actual != nil
    }

    public var policyViolations: Int { policies.reduce(0) { $0 + ($1.isViolation ? 1 : 0) } }
    public var evalFailures: Int { evaluations.reduce(0) { $0 + ($1.passed ? 0 : 1) } }

    /// The reported total, else the sum of the reported input and output costs.
    public var reportedTotalCost: Money? {
        if let reportedCost { return reportedCost }
        if reportedInputCost != nil || reportedOutputCost != nil {
            return (reportedInputCost ?? .zero) + (reportedOutputCost ?? .zero)
        }
        return nil
    }
}
