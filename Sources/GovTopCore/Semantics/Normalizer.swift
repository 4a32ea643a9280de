/// Turns a decoded span into governance facts, following the alias tables of SEMANTICS.md.
/// Pure: the same span and resource always give the same facts.
public enum Normalizer {
    /// Facts of a span: each fact from the span's own attributes, else from its resource's.
    /// Policy outcomes, evaluations and budget reports on span events count as on the span.
    public static func facts(for span: SpanRecord, resource: FactValues, service: String) -> GovernanceFacts {
        let own = FactValues(span.attributes)
        func text(_ fact: Fact) -> String? { own.text(fact) ?? resource.text(fact) }
        func number(_ fact: Fact) -> Double? { own.number(fact) ?? resource.number(fact) }
        func count(_ fact: Fact) -> Int64? { own.count(fact) ?? resource.count(fact) }

        var facts = GovernanceFacts()
        facts.service = service
        for fact in Fact.attribution {
            facts.attribution[fact] = text(fact)
        }
        facts.provider = text(.provider).map(SemanticAliases.normalizeProvider)
        facts.model = text(.model)
        facts.operation = text(.operation)
        facts.inputTokens = count(.inputTokens)
        facts.outputTokens = count(.outputTokens)
        facts.cachedInputTokens = count(.cachedInputTokens)
        facts.cacheWriteInputTokens = count(.cacheWriteInputTokens)
        facts.reasoningTokens = count(.reasoningTokens)
        facts.reportedCost = number(.reportedCost)
        facts.reportedInputCost = number(.reportedInputCost)
        facts.reportedOutputCost = number(.reportedOutputCost)
        facts.currency = text(.currency)?.uppercased() ?? "USD"
        facts.isError = span.statusCode == .error

        collectOutcomes(from: own, into: &facts)
        for event in span.events {
            let eventFacts = FactValues(event.attributes)
            collectOutcomes(from: eventFacts, into: &facts)
            if facts.reportedTotalCost == nil, let cost = eventFacts.number(.reportedCost) {
                facts.reportedCost = cost
            }
        }
        return facts
    }

    /// Policy, evaluation and budget facts from one attribute set, appended without duplicates.
    private static func collectOutcomes(from values: FactValues, into facts: inout GovernanceFacts) {
        if let result = values.text(.policyResult) {
            let outcome = PolicyOutcome(
                name: values.text(.policyName) ?? "(unnamed)",
                result: result.lowercased(),
                violationType: values.text(.policyViolationType),
                action: values.text(.policyAction)
            )
            if !facts.policies.contains(outcome) { facts.policies.append(outcome) }
        }
        if values.has(any: .evalScore, .evalResult, .evalPassed) {
            let evaluation = EvaluationResult(
                metric: values.text(.evalMetric) ?? "(unnamed)",
                score: values.number(.evalScore),
                threshold: values.number(.evalThreshold),
                explicitPass: explicitPass(values)
            )
            if !facts.evaluations.contains(evaluation) { facts.evaluations.append(evaluation) }
        }
        if facts.budget == nil, values.has(any: .budgetLimit, .budgetConsumed, .budgetRemaining) {
            facts.budget = BudgetReport(
                name: values.text(.budgetName),
                limit: values.number(.budgetLimit),
                consumed: values.number(.budgetConsumed),
                remaining: values.number(.budgetRemaining),
                period: values.text(.budgetPeriod),
                alertThreshold: values.number(.budgetAlertThreshold)
            )
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
