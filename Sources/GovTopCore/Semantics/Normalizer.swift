/// Turns a decoded span into governance facts, following the alias tables of SEMANTICS.md.
/// Pure: the same span and resource always give the same facts.
///
/// Numbers are validated here, at the door (`ValueBounds`): a cost, token count, budget figure or
/// evaluation score that is not a number, not finite, negative or beyond its bound is left out of
/// the facts and its attribute key is listed in `GovernanceFacts.invalidValues`. A rejected value
/// on the span is not replaced by its resource's value.
public enum Normalizer {
    /// Facts of a span: each fact from the span's own attributes, else from its resource's.
    /// Policy outcomes, evaluations and budget reports on span events count as on the span.
    public static func facts(for span: SpanRecord, resource: FactValues, service: String) -> GovernanceFacts {
        GovernanceFacts { fill(&$0, for: span, resource: resource, service: service) }
    }

    /// Fills a box's facts in place (see `GovernanceFacts.init(building:)`).
    private static func fill(_ facts: inout GovernanceFacts.Fields, for span: SpanRecord, resource: FactValues, service: String) {
        let own = FactValues(span.attributes)
        var rejected: [String] = []
        func text(_ fact: Fact) -> String? { own.text(fact) ?? resource.text(fact) }
        /// The span's own value; the resource's only when the span has none (valid or not). (Not
        /// `read(own.has(fact) ? own : resource)`: that copies 200 bytes of values per fact.)
        func checked<Value>(_ fact: Fact, _ read: (borrowing FactValues) -> Checked<Value>) -> Value? {
            accept(own.has(fact) ? read(own) : read(resource), into: &rejected)
        }
        func amount(_ fact: Fact) -> Money? { checked(fact) { $0.amount(fact, limit: ValueBounds.maxSpanCostUSD) } }
        func count(_ fact: Fact) -> Int64? { checked(fact) { $0.count(fact) } }

        groupFacts(own: own, resource: resource, service: service, into: &facts, rejected: &rejected)
        facts.inputTokens = count(.inputTokens)
        facts.outputTokens = count(.outputTokens)
        facts.cachedInputTokens = count(.cachedInputTokens)
        facts.cacheWriteInputTokens = count(.cacheWriteInputTokens)
        facts.reasoningTokens = count(.reasoningTokens)
        facts.reportedCost = amount(.reportedCost)
        facts.reportedInputCost = amount(.reportedInputCost)
        facts.reportedOutputCost = amount(.reportedOutputCost)
        facts.currency = text(.currency).map(uppercased) ?? "USD"
        facts.isError = span.statusCode == .error

        collectOutcomes(from: own, into: &facts, rejected: &rejected)
        var eventValues: [FactValues] = []
        for event in span.events {
            let eventFacts = FactValues(event.attributes)
            eventValues.append(eventFacts)
            collectOutcomes(from: eventFacts, into: &facts, rejected: &rejected)
            let cost = accept(eventFacts.amount(.reportedCost, limit: ValueBounds.maxSpanCostUSD), into: &rejected)
            if facts.reportedTotalCost == nil, let cost {
                facts.reportedCost = cost
            }
        }
        // GenOps accounting: an actual amount in USD is the reported cost when no cost attribute is.
        facts.accounting = accounting(own: own, events: eventValues, rejected: &rejected)
        if facts.reportedTotalCost == nil, let actual = facts.accounting?.actualUSD {
            facts.reportedCost = actual
        }
        facts.sla = sla(own)
        facts.invalidValues = rejected
    }

    /// The facts that name groups — service, attribution, provider, model, operation — each from
    /// `own`, else from the resource (`groupText`); an over-long service name counts as
    /// `unknown_service` (`SpanOrigin.service` agrees) and its key is listed in `rejected`.
    static func groupFacts(own: borrowing FactValues, resource: borrowing FactValues, service: String,
                           into facts: inout GovernanceFacts.Fields, rejected: inout [String]) {
        facts.service = Resource.groupService(service)
        if facts.service != service { reject("service.name", into: &rejected) }
        // Built in one go (in `Fact.attribution`'s order): setting the facts one by one, nil
        // included, gave every span without attribution a box of its own instead of the shared empty one.
        func text(_ fact: Fact) -> String? { groupText(fact, own: own, resource: resource, rejected: &rejected) }
        let team = text(.team), project = text(.project), customer = text(.customer), environment = text(.environment)
        let costCenter = text(.costCenter), feature = text(.feature), user = text(.user)
        facts.attribution = Attribution(team: team, project: project, customer: customer, environment: environment,
                                        costCenter: costCenter, feature: feature, user: user)
        facts.provider = groupText(.provider, own: own, resource: resource, rejected: &rejected,
                                   normalized: SemanticAliases.normalizeProvider)
        facts.model = groupText(.model, own: own, resource: resource, rejected: &rejected)
        facts.operation = groupText(.operation, own: own, resource: resource, rejected: &rejected)
    }

    /// A fact that names a group, from `own`, else from the resource, as `normalized` makes it. A
    /// value longer than `ValueBounds.maxGroupValueBytes` once normalized (lower-casing can lengthen
    /// UTF-8) names no group: nil, and its key is listed in `rejected`; as with numbers, a rejected
    /// value of the span's own is not replaced by the resource's.
    static func groupText(_ fact: Fact, own: borrowing FactValues, resource: borrowing FactValues, rejected: inout [String],
                          normalized: (String) -> String = { $0 }) -> String? {
        if let value = own.text(fact) { return bounded(normalized(value), key: own.key(fact) ?? "\(fact)", rejected: &rejected) }
        guard let value = resource.text(fact) else { return nil }
        return bounded(normalized(value), key: resource.key(fact) ?? "\(fact)", rejected: &rejected)
    }

    private static func bounded(_ value: String, key: String, rejected: inout [String]) -> String? {
        if ValueBounds.namesGroup(value) { return value }
        reject(key, into: &rejected)
        return nil
    }

    private static func reject(_ key: String, into rejected: inout [String]) {
        if !rejected.contains(key) { rejected.append(key) }
    }

    /// `text.uppercased()`, without a new string when it has no lower-case ASCII letter (a
    /// currency code nearly always arrives upper-case already).
    static func uppercased(_ text: String) -> String {
        text.utf8.contains { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } || !text.utf8.allSatisfy { $0 < 0x80 }
            ? text.uppercased() : text
    }

    /// The valid value, or nil; an invalid value's key is listed once in `rejected`.
    static func accept<Value>(_ checked: Checked<Value>, into rejected: inout [String]) -> Value? {
        switch checked {
        case .valid(let value):
            return value
        case .invalid(let key):
            if !rejected.contains(key) { rejected.append(key) }
            return nil
        case .absent:
            return nil
        }
    }

    /// Policy, evaluation and budget facts from one attribute set, appended without duplicates.
    static func collectOutcomes(from values: FactValues, into facts: inout GovernanceFacts.Fields, // metrics: also read for log records
                                        rejected: inout [String]) {
        if let result = values.text(.policyResult) {
            let outcome = PolicyOutcome(
                name: values.text(.policyName) ?? "(unnamed)",
                result: result.lowercased(),
                violationType: values.text(.policyViolationType),
                action: values.text(.policyAction),
                reasonCode: values.text(.policyReasonCode)
            )
            if !facts.policies.contains(outcome) { facts.policies.append(outcome) }
        }
        if values.has(.evalScore) || values.has(.evalResult) || values.has(.evalPassed) {
            let evaluation = EvaluationResult(
                metric: values.text(.evalMetric) ?? "(unnamed)",
                score: accept(values.number(.evalScore, in: ValueBounds.evaluationRange), into: &rejected),
                threshold: accept(values.number(.evalThreshold, in: ValueBounds.evaluationRange), into: &rejected),
                explicitPass: explicitPass(values)
            )
            if !facts.evaluations.contains(evaluation) { facts.evaluations.append(evaluation) }
        }
        if values.has(.budgetLimit) || values.has(.budgetConsumed) || values.has(.budgetRemaining) || values.has(.budgetAlertThreshold) {
            let budgetRange = 0...ValueBounds.maxBudgetUSD
            let report = BudgetReport(
                name: values.text(.budgetName),
                limit: accept(values.number(.budgetLimit, in: budgetRange), into: &rejected),
                consumed: accept(values.number(.budgetConsumed, in: budgetRange), into: &rejected),
                remaining: accept(values.number(.budgetRemaining, in: budgetRange), into: &rejected),
                period: values.text(.budgetPeriod),
                alertThreshold: accept(values.number(.budgetAlertThreshold, in: ValueBounds.budgetThresholdRange), into: &rejected)
            )
            if facts.budget == nil, report.limit != nil || report.consumed != nil || report.remaining != nil {
                facts.budget = report
            }
        }
    }

    private static func explicitPass(_ values: FactValues) -> Bool? {
        if let passed = values[.evalPassed]?.boolean { return passed }
        switch values.text(.evalResult)?.lowercased() {
        case "pass", "passed", "true", "ok", "success": return true
        case "fail", "failed", "false", "failure": return false
        default: return nil
        }
    }
}
