import Testing
@testable import GovTopCore

@Suite struct LedgerTests {
    @Test func timeSeriesWindowsAndHistory() {
        var series = TimeSeries<5>(resolutionSeconds: 1)
        let t0: UInt64 = 1_000 * 1_000_000_000
        series.add(1, at: t0)
        series.add(2, at: t0 + 1_000_000_000)
        series.add(4, at: t0 + 1_500_000_000)
        #expect(series.buckets(3, now: t0 + 1_000_000_000) == [0, 1, 6])
        #expect(series.sum(lastSeconds: 2, now: t0 + 1_000_000_000) == 7)
        // Five seconds later the first buckets have left the history.
        series.add(8, at: t0 + 5_000_000_000)
        #expect(series.sum(lastSeconds: 5, now: t0 + 5_000_000_000) == 14)
        #expect(series.sum(lastSeconds: 5, now: t0 + 9_000_000_000) == 8)
        #expect(series.sum(lastSeconds: 5, now: t0 + 20_000_000_000) == 0)
        // Too old to be held: dropped, not added to a newer bucket.
        series.add(100, at: t0)
        #expect(series.sum(lastSeconds: 5, now: t0 + 5_000_000_000) == 14)
    }

    @Test func groupsPerDimensionWithRatesOnAVirtualClock() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        engine.ingest(SpanFactory.batch(service: "api", [SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 0.5, model: "gpt-4o")]))
        clock.advance(seconds: 30)
        engine.ingest(SpanFactory.batch(service: "api", [SpanFactory.llmCall(trace: 2, id: 2, team: "ml", cost: 0.25, model: "o3")]))
        engine.ingest(SpanFactory.batch(service: "web", [SpanFactory.llmCall(trace: 3, id: 3, team: "web", cost: 1, model: "o3")]))
        let teams = engine.groups(by: .team)
        #expect(teams.map(\.key) == ["web", "ml"])
        #expect(teams.map(\.costUSDPerMinute) == [1, 0.75])
        #expect(engine.groups(by: .model).map(\.key) == ["o3", "gpt-4o"])
        #expect(engine.groups(by: .service).map(\.key) == ["web", "api"])
        #expect(engine.groups(by: .provider).map(\.key) == ["openai"])
        #expect(engine.summarySnapshot().rates.costUSDPerMinute == 1.75)
        clock.advance(seconds: 45)
        #expect(engine.groups(by: .team).first { $0.key == "ml" }?.costUSDPerMinute == 0.25)
        #expect(engine.summarySnapshot().rates.costUSDPerMinute == 1.25)
        #expect(engine.summarySnapshot().rates.costUSDPerMinute1h == 1.75 / 60)
        clock.advance(seconds: 60)
        #expect(engine.summarySnapshot().rates.costUSDPerMinute == 0)
        #expect(engine.groups(by: .team).first { $0.key == "ml" }?.totals.costUSD == 0.75)
    }

    @Test func aGroupsOldBucketsDoNotLeakIntoAnotherGroupsReusedSlot() {
        // The groups of a table share their bucket rings: when "web" takes over the slot "ml" wrote
        // a minute (and then an hour) earlier, "ml"'s old amount must not count in the new bucket.
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 0.5)]))
        clock.advance(seconds: 60)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 2, id: 2, team: "web", cost: 2)]))
        var teams = engine.groups(by: .team)
        #expect(teams.map(\.key) == ["web", "ml"])
        #expect(teams.map(\.costUSDPerMinute) == [2, 0])
        #expect(teams.map(\.requestsPerMinute) == [1, 0])
        #expect(teams.map { $0.trend.suffix(2) } == [[0, 2], [0.5, 0]])
        clock.advance(seconds: 3600)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 3, id: 3, team: "web", cost: 1)]))
        teams = engine.groups(by: .team)
        #expect(teams.map(\.costUSDPerMinute) == [1, 0])
        #expect(teams.map { $0.trend.reduce(0, +) } == [1, 0])
        #expect(teams.map(\.totals.costUSD) == [3, 0.5])
    }

    @Test func groupRatesOverOneFiveAndSixtyMinutes() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        // 500 + 200 tokens per call; 1 USD at t, 2 USD 2 minutes later, 4 USD 30 minutes later.
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 1)]))
        clock.advance(seconds: 120)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 2, id: 2, team: "ml", cost: 2)]))
        var row = engine.groups(by: .team)[0]
        #expect(row.lastMinute == RateSlot(costUSD: 2, tokens: 700, requests: 1))
        #expect(row.last5Minutes == RateSlot(costUSD: 3.0 / 5, tokens: 1400.0 / 5, requests: 2.0 / 5))
        #expect(row.lastHour == RateSlot(costUSD: 3.0 / 60, tokens: 1400.0 / 60, requests: 2.0 / 60))
        clock.advance(seconds: 1800)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 3, id: 3, team: "ml", cost: 4)]))
        row = engine.groups(by: .team)[0]
        #expect(row.last5Minutes == RateSlot(costUSD: 4.0 / 5, tokens: 700.0 / 5, requests: 1.0 / 5))
        #expect(row.lastHour == RateSlot(costUSD: 7.0 / 60, tokens: 2100.0 / 60, requests: 3.0 / 60))
        // An hour after the last call every window is empty again; the totals stay.
        clock.advance(seconds: 3600)
        row = engine.groups(by: .team)[0]
        #expect(row.lastMinute == RateSlot() && row.last5Minutes == RateSlot() && row.lastHour == RateSlot())
        #expect(row.totals.costUSD == 7)
    }

    @Test func runsOfSpansInOneGroupAreAllCountedInTheRates() {
        let clock = ManualClock()
        let engine = Engine(clock: clock.clock)
        let costs: [(String, Double)] = [("ml", 1), ("ml", 2), ("web", 4), ("ml", 8), ("ml", 16), ("web", 32)]
        engine.ingest(SpanFactory.batch(costs.enumerated().map { index, entry in
            SpanFactory.llmCall(trace: UInt64(index + 1), id: UInt64(index + 1), team: entry.0, cost: entry.1)
        }))
        let rows = engine.groups(by: .team)
        #expect(rows.map(\.key) == ["web", "ml"])
        #expect(rows.map(\.lastMinute.costUSD) == [36, 27])
        #expect(rows.map(\.lastMinute.requests) == [2, 4])
        #expect(rows.map { $0.trend.last } == [36, 27])
        // A late parent moves its child's spend (counted a minute earlier) to the parent's team.
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 50, id: 2, parent: 1, team: nil, cost: 64)]))
        clock.advance(seconds: 61)
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 50, id: 1, team: "web", cost: 128)]))
        let later = engine.groups(by: .team)
        #expect(later.first { $0.key == "web" }?.lastMinute.costUSD == 128)
        #expect(later.first { $0.key == "web" }?.last5Minutes.costUSD == Double(36 + 64 + 128) / 5)
        #expect(later.first { $0.key == "(unattributed)" }?.last5Minutes.costUSD == 0)
    }

    @Test func cardinalityIsCappedAndTheFoldIsCounted() {
        let engine = Engine(configuration: EngineConfiguration(maxGroupsPerDimension: 3))
        for index in 1...10 {
            engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: UInt64(index), id: UInt64(index), team: "team-\(index)", cost: 1)]))
        }
        let teams = engine.groups(by: .team)
        #expect(teams.count == 4)
        #expect(teams.first { $0.key == Dimension.other }?.totals.costUSD == 7)
        #expect(engine.groupsSnapshot(by: .team).folded == 7)
        #expect(teams.reduce(0) { $0 + $1.totals.costUSD } == 10)
        // The Prometheus counters label the folded teams `(other)` too, and keep every dollar.
        let series = engine.metrics().series
        #expect(series.map(\.labels.team) == ["(other)", "team-1", "team-2", "team-3"])
        #expect(series.first { $0.labels.team == Dimension.other }?.costUSD == 7)
        #expect(series.first { $0.labels.team == Dimension.other }?.requests == 7)
    }

    @Test func labelCombinationsBeyondTheirCapFoldIntoOneOtherSeries() {
        // 2 groups per dimension allow 4 label combinations.
        let engine = Engine(configuration: EngineConfiguration(maxGroupsPerDimension: 2))
        var id: UInt64 = 0
        for team in ["a", "b"] {
            for model in ["gpt-4o", "o3", "gpt-4o", "o3"] {
                id += 1
                engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: id, id: id, team: team, cost: 1, model: model)]))
            }
        }
        // A fifth combination (a new project): counted under LabelSet.other.
        var fifth = SpanFactory.llmCall(trace: 99, id: 99, team: "a", cost: 0.5, model: "gpt-4o")
        fifth.attributes.append(Attribute("genops.project", .string("p")))
        engine.ingest(SpanFactory.batch([fifth]))
        let series = engine.metrics().series
        #expect(series.count == 5)
        #expect(series.map(\.requests).reduce(0, +) == 9)
        #expect(series.map(\.costUSD).reduce(0, +) == 8.5)
        #expect(series.first { $0.labels == LabelSet.other }?.costUSD == 0.5)
        #expect(series.first { $0.labels.team == "a" && $0.labels.model == "o3" }?.requests == 2)
    }

    @Test func theAllOtherLabelSetIsOneSeries() {
        // One group per dimension: the second span's values all fold into `(other)` groups, the
        // third is a new combination past the counters' cap. Both count under one `(other)` series.
        let engine = Engine(configuration: EngineConfiguration(maxGroupsPerDimension: 1))
        func call(_ id: UInt64, team: String, project: String, model: String, provider: String = "openai") -> SpanRecord {
            var record = SpanFactory.llmCall(trace: id, id: id, team: team, cost: 1, model: model)
            record.attributes[0] = Attribute("gen_ai.system", .string(provider))
            record.attributes.append(Attribute("genops.project", .string(project)))
            record.attributes.append(Attribute("genops.environment", .string(project + "-env")))
            return record
        }
        engine.ingest(SpanFactory.batch([call(1, team: "a", project: "p", model: "m1")]))
        engine.ingest(SpanFactory.batch([call(2, team: "b", project: "q", model: "m2", provider: "anthropic")]))
        engine.ingest(SpanFactory.batch([call(3, team: "a", project: "q", model: "m1")]))
        let series = engine.metrics().series
        #expect(Set(series.map(\.labels)).count == series.count)
        #expect(series.first { $0.labels == LabelSet.other }?.requests == 2)
        #expect(series.map(\.costUSD).reduce(0, +) == 3)
    }

    @Test func requestDurationsArePerModel() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch([
            SpanFactory.llmCall(trace: 1, id: 1, team: "ml", cost: 1, model: "o3"),
            SpanFactory.llmCall(trace: 2, id: 2, team: "ml", cost: 1, model: "gpt-4o"),
            SpanFactory.llmCall(trace: 3, id: 3, team: "ml", cost: 1, model: "o3"),
        ]))
        let durations = engine.metrics().durations
        #expect(durations.map(\.model) == ["gpt-4o", "o3"])
        #expect(durations.map(\.histogram.count) == [1, 2])
    }

    @Test func plainSpansAddNoRequestsButCountErrors() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 1, id: 1, name: "GET /", attributes: [Attribute("genops.team", .string("ml"))], status: .error)]))
        let row = engine.groups(by: .team).first
        #expect(row?.totals.requests == 0)
        #expect(row?.totals.errors == 1)
        #expect(engine.summary().requestsTotal == 0)
    }
}

@Suite struct DimensionTests {
    @Test func indexIsThePositionInAllCases() {
        #expect(Dimension.allCases.map(\.index) == Array(Dimension.allCases.indices))
    }
}
