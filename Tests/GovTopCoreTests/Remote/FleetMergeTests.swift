import Testing
@testable import GovTopCore

/// Merging what several govtops answered into one dashboard snapshot (`govtop attach`).
@Suite struct FleetMergeTests {
    private func trace(_ low: UInt64, start: UInt64, cost: Double = 0, team: String? = nil) -> TraceSummary {
        TraceSummary(traceID: TraceID(high: 1, low: low), rootName: "root \(low)", service: "svc", startTimeUnixNano: start,
                     durationNanos: 1_000_000, spanCount: 1, costUSD: cost, inputTokens: 0, outputTokens: 0,
                     attribution: Attribution(team: team), models: [], providers: [], errors: 0, policyViolations: 0,
                     evalFailures: 0, hasRoot: true)
    }

    private func reading(_ label: String, traces: [TraceSummary] = [], cost: Double = 0, alerts: [Alert]? = [],
                         budgets: [BudgetStatus]? = nil, answered: Bool = true) -> InstanceReading {
        var reading = InstanceReading(label: label)
        if answered {
            var summary = Summary()
            summary.costUSDTotal = cost
            summary.spansReceived = traces.count
            reading.summary = summary
        } else {
            reading.problem = "down"
        }
        reading.traces = traces
        reading.alerts = alerts
        reading.budgets = budgets
        return reading
    }

    @Test func tracesOfAllInstancesAreMergedNewestFirstWithTheirOwner() {
        let a = reading("a:1", traces: [trace(3, start: 300), trace(1, start: 100)])
        let b = reading("b:2", traces: [trace(4, start: 400), trace(2, start: 200)])
        let result = FleetMerge.merge([a, b], request: DashboardRequest(), now: 0)
        #expect(result.snapshot.traces.traces.map(\.traceID.low) == [4, 3, 2, 1])
        #expect(result.snapshot.traces.matched == 4)
        #expect(result.traceOwners[TraceID(high: 1, low: 4)] == 1)
        #expect(result.traceOwners[TraceID(high: 1, low: 1)] == 0)
    }

    @Test func aTraceListedTwiceIsShownOnceFromTheFirstInstance() {
        let a = reading("a:1", traces: [trace(7, start: 100, cost: 1)])
        let b = reading("b:2", traces: [trace(7, start: 100, cost: 2)])
        let result = FleetMerge.merge([a, b], request: DashboardRequest(), now: 0)
        #expect(result.snapshot.traces.traces.map(\.costUSD) == [1])
        #expect(result.traceOwners[TraceID(high: 1, low: 7)] == 0)
    }

    @Test(arguments: [
        (TraceOrder.cost, false, [UInt64(2), 3, 1]),
        (TraceOrder.cost, true, [1, 3, 2]),
        (TraceOrder.time, true, [1, 2, 3]),
    ])
    func orderFilterAndPageApplyToTheMergedList(order: TraceOrder, ascending: Bool, expected: [UInt64]) {
        let a = reading("a:1", traces: [trace(1, start: 100, cost: 1, team: "ml"), trace(9, start: 900, cost: 9, team: "web")])
        let b = reading("b:2", traces: [trace(2, start: 200, cost: 5, team: "ml"), trace(3, start: 300, cost: 3, team: "ml")])
        var request = DashboardRequest(traces: TraceQuery(limit: 10, order: order, ascending: ascending))
        request.traces.team = "ml"
        let page = FleetMerge.merge([a, b], request: request, now: 0).snapshot.traces
        #expect(page.traces.map(\.traceID.low) == expected)
        #expect(page.matched == 3)
        request.traces.offset = 1
        request.traces.limit = 1
        let second = FleetMerge.merge([a, b], request: request, now: 0).snapshot.traces
        #expect(second.traces.map(\.traceID.low) == [expected[1]])
        #expect(second.matched == 3)
    }

    @Test func attributeFiltersMatchNothingSinceTheListCarriesNoSpans() {
        var request = DashboardRequest()
        request.traces.attributePredicate = { _, _ in true }
        let result = FleetMerge.merge([reading("a:1", traces: [trace(1, start: 1)])], request: request, now: 0)
        #expect(result.snapshot.traces.traces.isEmpty)
    }

    @Test func totalsAreSummedOverAnsweringInstancesAndBudgetsComeFromTheFirstThatAnswered() {
        let budget = BudgetStatus(name: "team:ml", source: .config, limitUSD: 10, consumedUSD: 4)
        let down = reading("a:1", cost: 100, budgets: nil, answered: false)
        let first = reading("b:2", cost: 2.5, budgets: [budget])
        let second = reading("c:3", cost: 1.5, budgets: [BudgetStatus(name: "other", source: .config)])
        let snapshot = FleetMerge.merge([down, first, second], request: DashboardRequest(), now: 0).snapshot
        #expect(snapshot.summary.costUSDTotal == 4)
        #expect(snapshot.budgets == [budget])
    }

    @Test func countsFromTheNetworkSaturateInsteadOfOverflowing() {
        var big = Summary()
        big.spansReceived = Int.max
        var a = InstanceReading(label: "a:1")
        a.summary = big
        let snapshot = FleetMerge.merge([a, a], request: DashboardRequest(), now: 0).snapshot
        #expect(snapshot.summary.spansReceived == Int.max)
    }

    @Test func alertsOfSeveralInstancesNameTheirInstanceAndRouteBack() {
        let older = Alert(id: "a1", kind: .costSpike, severity: .warning, subject: "cost", message: "m", firstSeen: 1, lastSeen: 10, count: 1)
        let newer = Alert(id: "a1", kind: .budgetExceeded, severity: .critical, subject: "budget team:ml", message: "m",
                          firstSeen: 1, lastSeen: 20, count: 1, acknowledged: true)
        let result = FleetMerge.merge([reading("a:1", alerts: [older]), reading("b:2", alerts: [newer])], request: DashboardRequest(), now: 0)
        #expect(result.snapshot.alerts.map(\.id) == ["2/a1", "1/a1"])
        #expect(result.snapshot.alerts.first?.subject == "b:2: budget team:ml")
        #expect(result.alertRoutes["2/a1"] == AlertRoute(instance: 1, id: "a1"))
        #expect(result.snapshot.alertCounts == AlertCounts(warning: 1, critical: 1, unacknowledged: 1))
        let alone = FleetMerge.merge([reading("a:1", alerts: [older])], request: DashboardRequest(), now: 0)
        #expect(alone.snapshot.alerts.map(\.id) == ["a1"])
        #expect(alone.snapshot.alerts.first?.subject == "cost")
    }

    @Test func theOpenTraceIsOnlyShownWhenItIsTheOneAskedFor() {
        let detail = TraceDetail(traceID: TraceID(high: 1, low: 5), spans: [])
        var request = DashboardRequest()
        request.openTrace = TraceID(high: 1, low: 6)
        #expect(FleetMerge.merge([], request: request, now: 0, openTrace: detail).snapshot.trace == nil)
        request.openTrace = detail.traceID
        #expect(FleetMerge.merge([], request: request, now: 0, openTrace: detail).snapshot.trace?.traceID == detail.traceID)
    }
}
