import Testing
@testable import GovTopCore

/// The GenOps Governance Specification v0.1 facts: accounting as reported cost, reserved against
/// actual per group, reason codes, SLA outcomes and the SLA miss-rate alert.
@Suite struct GenOpsFactsTests {
    private let clock = ManualClock(seconds: 1_800_014_400)

    private func facts(_ attributes: [Attribute], events: [SpanEvent] = []) -> GovernanceFacts {
        Normalizer.facts(for: SpanFactory.span(trace: 1, id: 1, attributes: attributes, events: events),
                         resource: FactValues([]), service: "svc")
    }

    private static func awu(trace: UInt64, team: String = "ml", reserved: Double, actual: Double, unit: String = "USD",
                            extra: [Attribute] = []) -> SpanRecord {
        SpanFactory.span(trace: trace, id: 1, attributes: [
            Attribute("genops.team", .string(team)),
            Attribute("genops.policy.result", .string("ALLOWED")),
            Attribute("genops.accounting.reserved", .double(reserved)),
            Attribute("genops.accounting.actual", .double(actual)),
            Attribute("genops.accounting.unit", .string(unit)),
        ] + extra)
    }

    @Test func actualInUSDIsTheReportedCostWhenNoCostIsSent() {
        let result = facts([Attribute("genops.accounting.actual", .double(0.1)), Attribute("genops.accounting.unit", .string("usd"))])
        #expect(result.reportedCost == .dollars(0.1))
        #expect(result.isAIRequest)
        let withCost = facts([Attribute("genops.accounting.actual", .double(0.1)), Attribute("genops.accounting.unit", .string("USD")),
                              Attribute("genops.cost.total", .double(0.3))])
        #expect(withCost.reportedCost == .dollars(0.3))
        let tokens = facts([Attribute("genops.accounting.actual", .int(1500)), Attribute("genops.accounting.unit", .string("tokens"))])
        #expect(tokens.reportedCost == nil)
        #expect(tokens.accounting?.actualTokens == 1500)
        // Without a unit the amounts mean nothing.
        #expect(facts([Attribute("genops.accounting.actual", .double(0.1))]).accounting == nil)
    }

    @Test func accountingComesFromTheReconciliationEvent() {
        let result = facts([], events: [SpanEvent(timeUnixNano: 1, name: AWUChecker.reconciliationEvent, attributes: [
            Attribute("genops.accounting.actual", .double(0.25)), Attribute("genops.accounting.reserved", .double(0.5)),
            Attribute("genops.accounting.unit", .string("USD")),
        ])])
        #expect(result.accounting == AccountingReport(unit: .usd, reserved: .usd(.dollars(0.5)), actual: .usd(.dollars(0.25))))
        #expect(result.reportedCost == .dollars(0.25))
    }

    @Test func invalidAmountsAreRejectedAtTheDoor() {
        let result = facts([Attribute("genops.accounting.actual", .double(-1)), Attribute("genops.accounting.unit", .string("USD"))])
        #expect(result.reportedCost == nil)
        #expect(result.invalidValues == ["genops.accounting.actual"])
    }

    @Test func reasonCodeAndSLA() {
        let result = facts([
            Attribute("genops.policy.result", .string("WARNING")), Attribute("genops.policy.reason_code", .string("SLA_LATENCY_VIOLATION")),
            Attribute("genops.sla.tier", .string("premium")), Attribute("genops.sla.latency_target_ms", .int(500)),
            Attribute("genops.sla.actual_latency_ms", .int(800)),
        ])
        #expect(result.policies.first?.result == "warning")
        #expect(result.policies.first?.reasonCode == "SLA_LATENCY_VIOLATION")
        #expect(result.sla == SLAOutcome(tier: "premium", met: false))
        #expect(facts([Attribute("genops.sla.met", .bool(true))]).sla == SLAOutcome(met: true))
        #expect(facts([Attribute("genops.sla.tier", .string("basic"))]).sla == nil)
    }

    @Test func groupsAndBudgetsSumActualsExactly() throws {
        let engine = Engine(configuration: EngineConfiguration(budgets: [BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .daily)]),
                            clock: clock.clock)
        // 0.1 + 0.2 is not 0.3 in binary floating point; in nano-dollars it is.
        engine.ingest(SpanFactory.batch([Self.awu(trace: 1, reserved: 0.15, actual: 0.1), Self.awu(trace: 2, reserved: 0.15, actual: 0.2)]))
        engine.ingest(SpanFactory.batch([Self.awu(trace: 3, reserved: 1000, actual: 1200, unit: "tokens")]))
        let group = try #require(engine.groups(by: .team).first { $0.key == "ml" })
        #expect(group.totals.reportedCost == .dollars(0.3))
        #expect(group.totals.accounting.reconciledUSD == 2)
        #expect(group.totals.accounting.reservedUSD == .dollars(0.3))
        #expect(group.totals.accounting.deltaUSD == .dollars(0))
        #expect(group.totals.accounting.reconciledTokens == 1)
        #expect(group.totals.accounting.deltaTokens == 200)
        #expect(group.totals.requests == 3)
        #expect(engine.budgets().first?.consumedUSD == 0.3)
    }

    /// A child's accounting moves with it when its parent arrives later with the attribution.
    @Test func accountingMovesWithTheSpan() throws {
        let engine = Engine(clock: clock.clock)
        var child = Self.awu(trace: 1, reserved: 0.5, actual: 0.25, extra: [Attribute("genops.sla.met", .bool(false))])
        child.attributes.removeAll { $0.key == "genops.team" }
        child.parentSpanID = SpanID(9)
        engine.ingest(SpanFactory.batch([child]))
        #expect(engine.groups(by: .team).first?.key == Dimension.unattributed)
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 1, id: 9, attributes: [Attribute("genops.team", .string("web"))])]))
        let web = try #require(engine.groups(by: .team).first { $0.key == "web" })
        #expect(web.totals.accounting.deltaUSD == .dollars(-0.25))
        #expect(web.totals.accounting.slaViolations == 1)
        #expect(engine.groups(by: .team).first { $0.key == Dimension.unattributed }?.totals.accounting.isZero == true)
    }

    @Test func policiesBreakViolationsDownByReasonCode() throws {
        let engine = Engine(clock: clock.clock)
        func decision(_ trace: UInt64, _ result: String, _ code: String?) -> SpanRecord {
            SpanFactory.span(trace: trace, id: 1, attributes: [Attribute("genops.policy.name", .string("gate")),
                                                              Attribute("genops.policy.result", .string(result))]
                + (code.map { [Attribute("genops.policy.reason_code", .string($0))] } ?? []))
        }
        engine.ingest(SpanFactory.batch([decision(1, "BLOCKED", "BUDGET_EXCEEDED"), decision(2, "WARNING", "SLA_LATENCY_VIOLATION"),
                                         decision(3, "BLOCKED", "BUDGET_EXCEEDED"), decision(4, "ALLOWED", nil)]))
        let gate = try #require(engine.policiesSnapshot().policies["gate"])
        #expect(gate.byReasonCode == ["BUDGET_EXCEEDED": 2, "SLA_LATENCY_VIOLATION": 1])
        #expect(gate.byResult == ["blocked": 2, "warning": 1])
        #expect(gate.allowed == 1)
    }

    @Test func slaMissRateAboveTheThresholdRaisesAnAlert() throws {
        var settings = AlertSettings()
        settings.slaMissRateThreshold = 0.25
        settings.slaMinimumChecks = 4
        let engine = Engine(configuration: EngineConfiguration(alerts: settings), clock: clock.clock)
        func call(_ trace: UInt64, team: String, met: Bool) -> SpanRecord {
            SpanFactory.span(trace: trace, id: 1, attributes: [Attribute("genops.team", .string(team)), Attribute("genops.sla.met", .bool(met))])
        }
        engine.ingest(SpanFactory.batch([call(1, team: "ml", met: false), call(2, team: "ml", met: true), call(3, team: "ml", met: true),
                                         call(4, team: "web", met: false), call(5, team: "web", met: true), call(6, team: "web", met: true),
                                         call(7, team: "web", met: true), call(8, team: "web", met: true)]))
        engine.tick()
        // ml: 1 of 3 is above 25% but below the minimum of 4 checks; web: 1 of 5 is below 25%.
        #expect(!engine.alerts().contains { $0.kind == .slaMissRate })
        engine.ingest(SpanFactory.batch([call(9, team: "ml", met: false)]))
        engine.tick()
        let alert = try #require(engine.alerts().first { $0.kind == .slaMissRate })
        #expect(alert.subject == "sla team ml")
        #expect(alert.severity == .critical)
        #expect(engine.groups(by: .team).first { $0.key == "ml" }?.totals.accounting.slaViolations == 2)
    }
}
