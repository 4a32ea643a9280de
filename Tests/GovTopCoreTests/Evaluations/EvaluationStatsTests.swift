import Testing
@testable import GovTopCore

@Suite struct EvaluationStatsTests {
    @Test func countsAndMeanScorePerMetricAndTeam() throws {
        var stats = EvaluationStats()
        stats.record([EvaluationResult(metric: "faithfulness", score: 0.9, threshold: 0.7)], team: "ml")
        stats.record([EvaluationResult(metric: "faithfulness", score: 0.6, threshold: 0.7)], team: "ml")
        stats.record([EvaluationResult(metric: "faithfulness", score: 0.9, threshold: 0.8),
                      EvaluationResult(metric: "toxicity", explicitPass: false)], team: "web")
        stats.record([EvaluationResult(metric: "faithfulness", explicitPass: true)], team: nil)

        let snapshot = stats.snapshot()
        #expect(snapshot.metrics.map(\.metric) == ["faithfulness", "toxicity"])
        let faithfulness = try #require(snapshot["faithfulness"])
        #expect(faithfulness.counts.count == 4)
        #expect(faithfulness.counts.passed == 3)
        #expect(faithfulness.counts.failed == 1)
        #expect(faithfulness.counts.scored == 3)
        #expect(abs(try #require(faithfulness.counts.meanScore) - 0.8) < 1e-12)
        #expect(faithfulness.counts.minScore == 0.6)
        #expect(faithfulness.counts.maxScore == 0.9)
        #expect(faithfulness.counts.lastThreshold == 0.8)

        let ml = try #require(faithfulness.byTeam["ml"])
        #expect((ml.count, ml.passed, ml.failed) == (2, 1, 1))
        #expect(abs(try #require(ml.meanScore) - 0.75) < 1e-12)
        #expect(ml.failureRate == 0.5)
        #expect(faithfulness.byTeam[Dimension.unattributed]?.meanScore == nil)
        #expect(faithfulness.byTeam[Dimension.unattributed]?.passed == 1)

        #expect(snapshot["toxicity"]?.counts.failed == 1)
        #expect(snapshot.totals.count == 5)
        #expect(snapshot.totals.failed == 2)
    }

    @Test func nonFiniteScoresStayOutOfTheMean() {
        var counts = EvaluationCounts()
        counts.add(EvaluationResult(metric: "m", score: .infinity))
        counts.add(EvaluationResult(metric: "m", score: 0.5))
        #expect(counts.count == 2)
        #expect(counts.meanScore == 0.5)
    }

    @Test func metricsAndTeamsBeyondTheCapsFoldIntoOther() {
        var stats = EvaluationStats(limits: .init(maxMetrics: 1, maxTeamsPerMetric: 1))
        stats.record([EvaluationResult(metric: "a", score: 1)], team: "t1")
        stats.record([EvaluationResult(metric: "b", score: 0)], team: "t1")
        stats.record([EvaluationResult(metric: "c", score: 0.5)], team: "t1")
        stats.record([EvaluationResult(metric: "a", score: 0)], team: "t2")
        let snapshot = stats.snapshot()
        #expect(snapshot.metrics.map(\.metric) == [Dimension.other, "a"])
        #expect(snapshot[Dimension.other]?.counts.count == 2)
        #expect(snapshot[Dimension.other]?.counts.meanScore == 0.25)
        #expect(snapshot["a"]?.byTeam.keys.sorted() == [Dimension.other, "t1"])
    }
}
