/// A compiled condition or limit rule: checks one request's facts, never its text.
struct RequestRule: Sendable {
    let name: String
    let action: PolicyAction
    let severity: AlertSeverity
    let kind: Kind

    enum Kind: Sendable {
        case conditions([Condition])
        case limits(maxCostUSD: Double?, maxTokens: Int64?)
    }

    struct Condition: Sendable {
        let key: String
        let subject: Subject
        let values: Set<String>
        let negated: Bool

        /// Holds when the value is one of `values`; negated, when it is none of them (an absent
        /// value is none of them).
        func holds(for request: Request) -> Bool {
            let value = request.value(of: subject)
            let listed = value.map(values.contains) ?? false
            return listed != negated
        }
    }

    enum Subject: Sendable {
        case dimension(Dimension)
        case attribute(String)
    }

    /// What a rule looks at in one span.
    struct Request {
        let span: SpanRecord
        let facts: GovernanceFacts
        let attribution: Attribution
        let resourceAttributes: [Attribute]
        let costUSD: Double?

        func value(of subject: Subject) -> String? {
            switch subject {
            case .dimension(let dimension):
                return dimension.value(in: facts, attribution: attribution)
            case .attribute(let key):
                guard let value = span.attributes[key: key] ?? resourceAttributes[key: key] else { return nil }
                switch value {
                case .string, .bool, .int, .double: return value.text
                case .bytes, .array, .kvlist, .empty: return nil
                }
            }
        }

        /// Input plus output tokens (saturating); nil when neither is known.
        var tokens: Int64? {
            guard facts.inputTokens != nil || facts.outputTokens != nil else { return nil }
            let (sum, overflow) = (facts.inputTokens ?? 0).addingReportingOverflow(facts.outputTokens ?? 0)
            return overflow ? .max : sum
        }
    }

    init(_ rule: PolicyRule, conditions: [PolicyCondition]) throws(PolicyRuleError) {
        guard !conditions.isEmpty else {
            throw PolicyRuleError(rule: rule.name, message: "has no conditions, so it would match every span; add at least one condition")
        }
        var compiled: [Condition] = []
        for condition in conditions {
            guard !condition.key.isEmpty else {
                throw PolicyRuleError(rule: rule.name, message: "has a condition with an empty key; use a dimension (\(Dimension.allCases.map(\.rawValue).joined(separator: ", "))) or an attribute key")
            }
            guard !condition.values.isEmpty else {
                throw PolicyRuleError(rule: rule.name, message: "condition on '\(condition.key)' lists no values to compare with")
            }
            let subject: Subject = Dimension(rawValue: condition.key).map(Subject.dimension) ?? .attribute(condition.key)
            compiled.append(Condition(key: condition.key, subject: subject, values: Set(condition.values), negated: condition.negated))
        }
        self.init(rule, kind: .conditions(compiled))
    }

    init(_ rule: PolicyRule, maxCostUSD: Double?, maxTokens: Int64?) throws(PolicyRuleError) {
        guard maxCostUSD != nil || maxTokens != nil else {
            throw PolicyRuleError(rule: rule.name, message: "sets neither a maximum cost nor a maximum number of tokens")
        }
        if let maxCostUSD, !(maxCostUSD.isFinite && maxCostUSD >= 0) {
            throw PolicyRuleError(rule: rule.name, message: "maximum cost must be a finite number of USD, 0 or more (got \(maxCostUSD))")
        }
        if let maxTokens, maxTokens < 0 {
            throw PolicyRuleError(rule: rule.name, message: "maximum tokens must be 0 or more (got \(maxTokens))")
        }
        self.init(rule, kind: .limits(maxCostUSD: maxCostUSD, maxTokens: maxTokens))
    }

    private init(_ rule: PolicyRule, kind: Kind) {
        name = rule.name
        action = rule.action
        severity = rule.severity
        self.kind = kind
    }

    func violation(for request: Request) -> LocalViolation? {
        switch kind {
        case .conditions(let conditions):
            guard conditions.allSatisfy({ $0.holds(for: request) }) else { return nil }
            return violation(.conditions(keys: conditions.map(\.key)))
        case .limits(let maxCostUSD, let maxTokens):
            var overCost: Double?
            var overTokens: Int64?
            if let maxCostUSD, let cost = request.costUSD, cost.isFinite, cost > maxCostUSD { overCost = cost }
            if let maxTokens, let tokens = request.tokens, tokens > maxTokens { overTokens = tokens }
            guard overCost != nil || overTokens != nil else { return nil }
            return violation(.limits(costUSD: overCost, maxCostUSD: overCost.map { _ in maxCostUSD } ?? nil,
                                     tokens: overTokens, maxTokens: overTokens.map { _ in maxTokens } ?? nil))
        }
    }

    private func violation(_ finding: LocalViolation.Finding) -> LocalViolation {
        LocalViolation(rule: name, action: action, severity: severity, finding: finding)
    }
}
