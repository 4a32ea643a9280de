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
///
/// A value type stored copy-on-write: phase two of ingest hands a span's facts to every owner
/// (ledger, deltas, budgets, stats, alerts), and a copy of the fields themselves retains each of
/// their strings and arrays, ~20 reference counts per owner per span; a copy of this is one.
public struct GovernanceFacts: Sendable, Hashable {
    /// The fields, held by `box` (documented at their accessors below).
    struct Fields: Hashable, Sendable {
        var attribution: Attribution = Attribution()
        var service: String = Resource.unknownService
        var provider: String?
        var model: String?
        var operation: String?
        var inputTokens: Int64?
        var outputTokens: Int64?
        var cachedInputTokens: Int64?
        var cacheWriteInputTokens: Int64?
        var reasoningTokens: Int64?
        var reportedCost: Money?
        var reportedInputCost: Money?
        var reportedOutputCost: Money?
        var currency: String = "USD"
        var policies: [PolicyOutcome] = []
        var budget: BudgetReport?
        var evaluations: [EvaluationResult] = []
        var accounting: AccountingReport?
        var sla: SLAOutcome?
        var isError: Bool = false
        var invalidValues: [String] = []

        /// The reported total, else the sum of the reported input and output costs.
        var reportedTotalCost: Money? {
            if let reportedCost { return reportedCost }
            if reportedInputCost != nil || reportedOutputCost != nil {
                return (reportedInputCost ?? .zero) + (reportedOutputCost ?? .zero)
            }
            return nil
        }
    }

    private static let empty = SharedFields(Fields())
    private var box: SharedFields<Fields>

    public init() { box = Self.empty }

    /// Facts filled in place in a box of their own: setting them one by one on a `GovernanceFacts`
    /// first copied the shared empty box's fields into a new box (every string and array in them
    /// retained) and checked the box's uniqueness at every set; building a `Fields` value and
    /// boxing it copied the whole value once more.
    init(building build: (inout Fields) -> Void) {
        box = SharedFields(Fields())
        build(&box.fields) // the box's `_modify`: in place, as the box is this value's alone
    }

    /// Attribution from the span itself, else its resource (not yet from its trace ancestry).
    public var attribution: Attribution {
        get { box.fields.attribution }
        _modify { yield &box.fields.attribution }
    }
    public var service: String {
        get { box.fields.service }
        _modify { yield &box.fields.service }
    }
    public var provider: String? {
        get { box.fields.provider }
        _modify { yield &box.fields.provider }
    }
    public var model: String? {
        get { box.fields.model }
        _modify { yield &box.fields.model }
    }
    public var operation: String? {
        get { box.fields.operation }
        _modify { yield &box.fields.operation }
    }
    public var inputTokens: Int64? {
        get { box.fields.inputTokens }
        _modify { yield &box.fields.inputTokens }
    }
    public var outputTokens: Int64? {
        get { box.fields.outputTokens }
        _modify { yield &box.fields.outputTokens }
    }
    public var cachedInputTokens: Int64? {
        get { box.fields.cachedInputTokens }
        _modify { yield &box.fields.cachedInputTokens }
    }
    public var cacheWriteInputTokens: Int64? {
        get { box.fields.cacheWriteInputTokens }
        _modify { yield &box.fields.cacheWriteInputTokens }
    }
    public var reasoningTokens: Int64? {
        get { box.fields.reasoningTokens }
        _modify { yield &box.fields.reasoningTokens }
    }
    public var reportedCost: Money? {
        get { box.fields.reportedCost }
        _modify { yield &box.fields.reportedCost }
    }
    public var reportedInputCost: Money? {
        get { box.fields.reportedInputCost }
        _modify { yield &box.fields.reportedInputCost }
    }
    public var reportedOutputCost: Money? {
        get { box.fields.reportedOutputCost }
        _modify { yield &box.fields.reportedOutputCost }
    }
    public var currency: String {
        get { box.fields.currency }
        _modify { yield &box.fields.currency }
    }
    public var policies: [PolicyOutcome] {
        get { box.fields.policies }
        _modify { yield &box.fields.policies }
    }
    public var budget: BudgetReport? {
        get { box.fields.budget }
        _modify { yield &box.fields.budget }
    }
    public var evaluations: [EvaluationResult] {
        get { box.fields.evaluations }
        _modify { yield &box.fields.evaluations }
    }
    /// GenOps accounting (reserved and actual amounts), when the span reported any.
    public var accounting: AccountingReport? {
        get { box.fields.accounting }
        _modify { yield &box.fields.accounting }
    }
    /// GenOps SLA outcome, when the span reported one.
    public var sla: SLAOutcome? {
        get { box.fields.sla }
        _modify { yield &box.fields.sla }
    }
    public var isError: Bool {
        get { box.fields.isError }
        _modify { yield &box.fields.isError }
    }
    /// Attribute keys whose values were rejected at the door (see `ValueBounds`), each once.
    public var invalidValues: [String] {
        get { box.fields.invalidValues }
        _modify { yield &box.fields.invalidValues }
    }


    /// A span is an AI request when it names a model or reports tokens, cost or a GenOps actual amount.
    public var isAIRequest: Bool {
        model != nil || inputTokens != nil || outputTokens != nil || reportedCost != nil || accounting?.actual != nil
    }

    public var policyViolations: Int { policies.reduce(0) { $0 + ($1.isViolation ? 1 : 0) } }
    public var evalFailures: Int { evaluations.reduce(0) { $0 + ($1.passed ? 0 : 1) } }

    /// The reported total, else the sum of the reported input and output costs.
    public var reportedTotalCost: Money? { box.fields.reportedTotalCost }
}
