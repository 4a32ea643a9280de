import GovTopCore

/// Who a trace is for, drawn once per trace.
struct DemoContext {
    let environment: String
    let customer: String
    let user: String?
}

/// The governance signals on spans that carry attribution: `genops.*` dimensions, prompts, policy
/// decisions, evaluations and budget reports.
extension DemoScenario {
    /// Requests reported by the SDK's own `cost_limit` policy as warnings above this cost.
    static let sdkCostLimitUSD = 0.10
    /// How often a prompt carries an SSN-like number (the demo's redaction rule masks it).
    static let ssnChance = 0.04
    static let piiBlockChance = 0.025
    static let teamAccessBlockChance = 0.015

    mutating func context(for workload: DemoWorkload) -> DemoContext {
        let environment = random.chance(workload.devShare) ? "dev" : "prod"
        let customer = workload.team.name == DemoFleet.research.name
            ? DemoFleet.internalCustomer
            : DemoFleet.customers[random.weighted(DemoFleet.customerWeights)]
        let user = workload.signals.contains(.users) && random.chance(0.7) ? "u-\(random.int(10_000...99_999))" : nil
        return DemoContext(environment: environment, customer: customer, user: user)
    }

    func attribution(_ workload: DemoWorkload, _ context: DemoContext) -> [Attribute] {
        var attributes = [
            Attribute("genops.team", .string(workload.team.name)),
            Attribute("genops.project", .string(workload.project)),
            Attribute("genops.customer_id", .string(context.customer)),
            Attribute("genops.environment", .string(context.environment)),
            Attribute("genops.feature", .string(workload.feature)),
            Attribute("genops.cost_center", .string(workload.team.costCenter)),
        ]
        if let user = context.user { attributes.append(Attribute("genops.user_id", .string(user))) }
        return attributes
    }

    /// `gen_ai.prompt` from the workload's templates; now and then the customer pasted an SSN.
    mutating func prompt(_ workload: DemoWorkload) -> Attribute? {
        guard workload.signals.contains(.prompts), !workload.prompts.isEmpty else { return nil }
        var text = random.pick(workload.prompts)
        if random.chance(Self.ssnChance) {
            let area = random.int(101...899)
            let group = random.int(10...99)
            let serial = random.int(1000...9999)
            text += " (They added: my SSN is \(area)-\(group)-\(serial), in case you need to verify me.)"
        }
        return Attribute("gen_ai.prompt", .string(text))
    }

    static func policy(_ name: String, result: String, violation: String? = nil, action: String) -> [Attribute] {
        var attributes = [
            Attribute("genops.policy.name", .string(name)),
            Attribute("genops.policy.result", .string(result)),
        ]
        if let violation { attributes.append(Attribute("genops.policy.violation_type", .string(violation))) }
        attributes.append(Attribute("genops.policy.action", .string(action)))
        return attributes
    }

    /// The `pii-filter` decision as a `policy.evaluated` event, and whether it blocked the request.
    mutating func piiFilterEvent(at time: UInt64) -> (event: SpanEvent, blocked: Bool) {
        let blocked = random.chance(Self.piiBlockChance)
        let attributes = blocked
            ? Self.policy("pii-filter", result: "blocked", violation: "pii_detected", action: "block")
            : Self.policy("pii-filter", result: "allowed", action: "log")
        return (SpanEvent(timeUnixNano: time, name: "policy.evaluated", attributes: attributes), blocked)
    }

    /// `genops.eval.*` on a quarter of the calls; scores below the 0.7 threshold fail.
    mutating func evalAttributes() -> [Attribute] {
        guard random.chance(0.25) else { return [] }
        return [
            Attribute("genops.eval.metric", .string(random.chance(0.5) ? "groundedness" : "helpfulness")),
            Attribute("genops.eval.score", .double(roundedScore(random.quantile([0.31, 0.62, 0.74, 0.81, 0.87, 0.92, 0.99])))),
            Attribute("genops.eval.threshold", .double(0.7)),
        ]
    }

    /// A `gen_ai.evaluation.result` event on a third of agent runs, labelled pass or fail at 0.6.
    mutating func evaluationEvent(at time: UInt64) -> SpanEvent? {
        guard random.chance(0.35) else { return nil }
        let score = roundedScore(random.quantile([0.22, 0.55, 0.68, 0.77, 0.84, 0.9, 0.98]))
        return SpanEvent(timeUnixNano: time, name: "gen_ai.evaluation.result", attributes: [
            Attribute("gen_ai.evaluation.name", .string("answer_relevancy")),
            Attribute("gen_ai.evaluation.score.value", .double(score)),
            Attribute("gen_ai.evaluation.score.label", .string(score >= 0.6 ? "pass" : "fail")),
        ])
    }

    private func roundedScore(_ score: Double) -> Double {
        (score * 1000).rounded() / 1000
    }

    /// What `growth`'s SDK reports about its own monthly campaign budget after a call.
    mutating func campaignBudgetReport(adding cost: Double) -> [Attribute] {
        campaignBudgetConsumed += cost
        return [
            Attribute("genops.budget.name", .string("campaign-studio-monthly")),
            Attribute("genops.budget.limit", .double(5_000)),
            Attribute("genops.budget.consumed", .double((campaignBudgetConsumed * 100).rounded() / 100)),
            Attribute("genops.budget.period", .string("monthly")),
            Attribute("genops.budget.alert_threshold", .double(0.8)),
        ]
    }

    mutating func traceID() -> TraceID {
        TraceID(high: random.nonZero(), low: random.next())
    }

    mutating func spanID() -> SpanID {
        SpanID(random.nonZero())
    }

    mutating func nanos(_ seconds: [Double]) -> UInt64 {
        UInt64(random.quantile(seconds) * 1e9)
    }
}
