/// A compiled condition or limit rule: compares facts and attribute values with the configuration.
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
        /// Few values are compared one by one (cheaper than hashing); many go through a set.
        let values: [String]
        let valueSet: Set<String>?
        let negated: Bool

        init(key: String, subject: Subject, values: [String], negated: Bool) {
            self.key = key
            self.subject = subject
            self.values = values
            valueSet = values.count > 8 ? Set(values) : nil
            self.negated = negated
        }

        /// Holds when the value is one of `values`; negated, when it is none of them (an absent
        /// value is none of them).
        /// Reads an attribution dimension, which a span may inherit inside its trace.
        var readsAttribution: Bool {
            if case .dimension(let dimension) = subject { return dimension.attributionFact != nil }
            return false
        }

        func holds(_ value: String?) -> Bool {
            var listed = false
            if let value { listed = valueSet?.contains(value) ?? values.contains(value) }
            return listed != negated
        }
    }

    enum Subject: Sendable {
        case dimension(Dimension)
        case attribute(String)
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
            compiled.append(Condition(key: condition.key, subject: subject, values: condition.values, negated: condition.negated))
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

    /// Whether some condition reads an attribution dimension (team, project, customer, environment,
    /// cost center, feature), which a span may inherit inside its trace: such a rule can only be
    /// decided once the store has resolved the span's effective attribution.
    var needsEffectiveAttribution: Bool {
        guard case .conditions(let conditions) = kind else { return false }
        return conditions.contains { $0.readsAttribution }
    }

    /// The rule on a span, judged from what the span carries. For a rule that reads attribution
    /// dimensions, the other conditions are judged here and the result is `.pending` when they all
    /// hold: `resolve(attribution:)` finishes it with the span's effective attribution.
    func judge(span: SpanRecord, facts: GovernanceFacts, resourceAttributes: [Attribute], costUSD: Double?) -> Judgement {
        switch kind {
        case .conditions(let conditions):
            var pending = false
            for condition in conditions {
                if condition.readsAttribution {
                    pending = true
                    continue
                }
                let value: String? = switch condition.subject {
                case .dimension(let dimension): dimension.value(in: facts, attribution: facts.attribution)
                case .attribute(let key): Self.scalarText(span.attributes[key: key] ?? resourceAttributes[key: key])
                }
                if !condition.holds(value) { return .clean }
            }
            return pending ? .pending : .violation(violation(.conditions(keys: conditions.map(\.key))))
        case .limits(let maxCostUSD, let maxTokens):
            var overCost: Double?
            var overTokens: Int64?
            if let maxCostUSD, let costUSD, costUSD.isFinite, costUSD > maxCostUSD { overCost = costUSD }
            if let maxTokens, let tokens = Self.tokens(facts), tokens > maxTokens { overTokens = tokens }
            guard overCost != nil || overTokens != nil else { return .clean }
            return .violation(violation(.limits(costUSD: overCost, maxCostUSD: overCost == nil ? nil : maxCostUSD,
                                                tokens: overTokens, maxTokens: overTokens == nil ? nil : maxTokens)))
        }
    }

    /// What `judge` found.
    enum Judgement {
        case clean
        case violation(LocalViolation)
        /// Every condition that reads the span itself held; the attribution conditions remain.
        case pending
    }

    /// Finishes a rule `judge` left pending: its attribution conditions against the span's effective
    /// attribution (the conditions on the span's own facts already held).
    func resolve(attribution: Attribution) -> LocalViolation? {
        guard case .conditions(let conditions) = kind else { return nil }
        for condition in conditions where condition.readsAttribution {
            guard case .dimension(let dimension) = condition.subject, let fact = dimension.attributionFact else { continue }
            if !condition.holds(attribution[fact]) { return nil }
        }
        return violation(.conditions(keys: conditions.map(\.key)))
    }

    /// Both steps at once, for a caller that knows the attribution (nil: the span's own).
    func violation(span: SpanRecord, facts: GovernanceFacts, attribution: Attribution?, resourceAttributes: [Attribute],
                   costUSD: Double?) -> LocalViolation? {
        switch judge(span: span, facts: facts, resourceAttributes: resourceAttributes, costUSD: costUSD) {
        case .clean: nil
        case .violation(let violation): violation
        case .pending: resolve(attribution: attribution ?? facts.attribution)
        }
    }

    private static func scalarText(_ value: AttributeValue?) -> String? {
        switch value {
        case .string(let text): text
        case .bool, .int, .double: value?.text
        case .bytes, .array, .kvlist, .empty, nil: nil
        }
    }

    /// Input plus output tokens (saturating); nil when neither is known.
    private static func tokens(_ facts: GovernanceFacts) -> Int64? {
        guard facts.inputTokens != nil || facts.outputTokens != nil else { return nil }
        let (sum, overflow) = (facts.inputTokens ?? 0).addingReportingOverflow(facts.outputTokens ?? 0)
        return overflow ? .max : sum
    }

    private func violation(_ finding: LocalViolation.Finding) -> LocalViolation {
        LocalViolation(rule: name, action: action, severity: severity, finding: finding)
    }
}
