import GovTopCore
import GovTopLedgerSQLite
import Testing

/// History: hours summed into UTC days, empty buckets as zeros, the most expensive groups first.
@Suite struct HistoryTests {
    private func amounts(cost nanos: Int128, requests: Int = 1) -> Totals {
        var totals = Totals()
        totals.reportedCost = Money(nanos: nanos)
        totals.requests = requests
        totals.inputTokens = 10
        return totals
    }

    @Test(arguments: ["sqlite", "memory"])
    func hoursSumIntoDaysAndGapsAreZero(_ kind: String) throws {
        let directory = TemporaryDirectory()
        let store: any LedgerStore = kind == "sqlite"
            ? try SQLiteLedgerStore(path: directory.file("ledger.sqlite"), now: 0) : MemoryLedgerStore()
        let day: Int64 = 86_400
        let rows: [(String, Int64, Int128)] = [("ml", 1 * 3600, 5), ("ml", 20 * 3600, 7), ("ml", 2 * day + 3600, 1),
                                                 ("web", 3600, 100), ("ops", 3600, 1)]
        try store.commit(LedgerCommit(buckets: rows.map { key, hour, cost in
            LedgerBucketDelta(key: LedgerBucketKey(series: LedgerSeries(dimension: .team, key: key), hourStart: hour),
                              amounts: amounts(cost: cost))
        }, pricingID: "p"))
        let answer = try store.history(HistoryQuery(dimension: .team, bucket: .day, from: 0, to: 3 * day, maxSeries: 2))
        #expect(answer.series.map(\.key) == ["web", "ml"])
        #expect(answer.omittedSeries == 1)
        let ml = try #require(answer.series.last)
        #expect(ml.points.map(\.start) == [0, day, 2 * day])
        #expect(ml.points.map(\.totals.reportedCost.nanos) == [12, 0, 1])
        #expect(ml.points.map(\.totals.requests) == [2, 0, 1])
        let hours = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: 3600, to: 3 * 3600))
        #expect(hours.series.first { $0.key == "ml" }?.points.map(\.totals.requests) == [1, 0])
        #expect(try store.history(HistoryQuery(dimension: .model, bucket: .day, from: 0, to: day)).series.isEmpty)
    }

    @Test(arguments: [(Int64(7199), HistoryQuery.Bucket.hour, Int64(3600)), (-1, .hour, -3600), (86_401, .day, 86_400)])
    func rangesStartOnABucketBoundary(_ seconds: Int64, _ bucket: HistoryQuery.Bucket, _ floor: Int64) {
        #expect(HistoryQuery.floor(seconds, to: bucket) == floor)
    }

    @Test func pruningDropsOldHoursButKeepsTotals() throws {
        let directory = TemporaryDirectory()
        let store = try SQLiteLedgerStore(path: directory.file("ledger.sqlite"), now: 0)
        let series = LedgerSeries(dimension: .team, key: "ml")
        try store.commit(LedgerCommit(buckets: [0, 3600, 7200].map {
            LedgerBucketDelta(key: LedgerBucketKey(series: series, hourStart: $0), amounts: amounts(cost: 1))
        }, pricingID: "p"))
        #expect(try store.prune(before: 7200) == 2)
        let answer = try store.history(HistoryQuery(dimension: .team, bucket: .hour, from: 0, to: 3 * 3600))
        #expect(answer.series.first?.points.map(\.totals.requests) == [0, 0, 1])
        #expect(try store.restore().groups.first?.totals.requests == 3)
    }
}
