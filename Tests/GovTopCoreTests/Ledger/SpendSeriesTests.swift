import Testing
@testable import GovTopCore

/// The chart series: spend per minute over the last hour and per 15 minutes over the last day, in
/// total and for the top teams, exact, bounded, and following attribution moves.
@Suite struct SpendSeriesTests {
    private static let minute: UInt64 = 60_000_000_000

    @Test func bucketsSpendPerMinuteAndPerQuarterHourByTeam() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 0.25),
                                         SpanFactory.llmCall(trace: 2, id: 1, team: "web", cost: 0.10)]))
        clock.advance(seconds: 120)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 3, id: 1, team: "ml", cost: 0.05)]))
        let spend = engine.dashboard(DashboardRequest()).spend

        #expect(spend.hour.resolutionSeconds == 60)
        #expect(spend.hour.total.count == 60)
        #expect(spend.hour.total.suffix(3) == [.dollars(0.35), .zero, .dollars(0.05)])
        #expect(spend.hour.teams.map(\.name) == ["ml", "web"])
        #expect(spend.hour.teams[0].amounts.suffix(3) == [.dollars(0.25), .zero, .dollars(0.05)])
        #expect(spend.hour.newestBucketStart == clock.now / Self.minute * Self.minute)
        #expect(spend.day.resolutionSeconds == 900)
        #expect(spend.day.total.count == 96)
        let dayTotal = spend.day.total.reduce(Money.zero, +)
        #expect(dayTotal == .dollars(0.40))
    }

    @Test func onlyTheTopTeamsAreReturnedMostFirst() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        let spans = (1...8).map { SpanFactory.llmCall(trace: UInt64($0), id: 1, team: "team\($0)", cost: Double($0) / 100) }
        engine.ingest(SpanFactory.batch(spans))
        let spend = engine.dashboard(DashboardRequest()).spend
        #expect(spend.hour.teams.map(\.name) == ["team8", "team7", "team6", "team5"])
        #expect(spend.hour.total.last == .dollars(0.36))
    }

    @Test func spendOlderThanTheWindowLeavesIt() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 1, cost: 1)]))
        clock.advance(seconds: 3_600)
        #expect(engine.dashboard(DashboardRequest()).spend.hour.total.allSatisfy { $0 == .zero })
        #expect(engine.dashboard(DashboardRequest()).spend.day.total.reduce(Money.zero, +) == .dollars(1))
        clock.advance(seconds: 86_400)
        #expect(engine.dashboard(DashboardRequest()).spend.day.total.allSatisfy { $0 == .zero })
    }

    /// A child's spend counted before its parent named the team moves to that team; the total stays.
    @Test func attributionMovesSpendBetweenTeams() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 2, parent: 1, team: nil, cost: 0.5)]))
        #expect(engine.dashboard(DashboardRequest()).spend.hour.teams.map(\.name) == [Dimension.unattributed])
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 1, id: 1, name: "agent", attributes: [Attribute("genops.team", .string("ml"))])]))
        let spend = engine.dashboard(DashboardRequest()).spend
        #expect(spend.hour.teams.map(\.name) == ["ml"])
        #expect(spend.hour.teams[0].amounts.last == .dollars(0.5))
        #expect(spend.hour.total.last == .dollars(0.5))
    }

    /// Past the team capacity, new teams share `(other)`: memory stays bounded.
    @Test func teamsBeyondTheCapacityFoldIntoOther() {
        var series = SpendSeries()
        for index in 0..<(SpendSeries.teamCapacity + 10) {
            series.add(.dollars(0.01), team: "t\(index)", at: 1_800_000_000_000_000_000)
        }
        let history = series.history(now: 1_800_000_000_000_000_000, topTeams: 1)
        #expect(history.hour.teams.map(\.name) == [Dimension.other])
        #expect(history.hour.teams[0].amounts.last == .dollars(0.10))
    }

    /// Each configured budget's consumption is sampled on ticks within its current period.
    @Test func budgetConsumptionIsSampledOnTicks() throws {
        let clock = ManualClock()
        let engine = Engine(configuration: EngineConfiguration(budgets: [
            BudgetDefinition(scope: [.team: "ml"], limitUSD: 10, period: .daily),
        ]), clock: clock.clock)
        engine.tick()
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 2)]))
        clock.advance(seconds: 1_800)
        engine.tick()
        let histories = engine.dashboard(DashboardRequest()).budgetHistories
        #expect(histories.count == 1)
        let history = histories[0]
        #expect(history.samples.map(\.consumed) == [.zero, .dollars(2)])
        #expect(history.samples.last?.at == clock.now)
        let start = try #require(history.periodStart), end = try #require(history.periodEnd)
        #expect(end - start == 86_400 * 1_000_000_000)
        #expect(start <= clock.now && clock.now < end)
    }
}
