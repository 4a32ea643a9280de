import Testing
@testable import GovTopCore

/// The caches in front of the ledger's group tables, the chart's team series and the label
/// counters: a hit only for the very same key, and the groups they lead to the same as a lookup
/// by text would give.
@Suite struct KeyIdentityCacheTests {
    /// A fresh buffer for the text (a copy of a literal shares the literal's storage).
    private func fresh(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    @Test func aHitNeedsTheSameBufferOrTheSameShortText() {
        var cache = KeyIdentityCache<Int>()
        let long = fresh("claude-3-5-sonnet-20241022")
        cache.remember(7, for: long)
        #expect(cache.value(for: long) == 7)
        #expect(cache.value(for: fresh("claude-3-5-sonnet-20241022")) == nil) // same text, another buffer: a miss
        cache.remember(3, for: fresh("ml"))
        #expect(cache.value(for: fresh("ml")) == 3) // up to 15 bytes the identity is the text
        #expect(cache.value(for: "mk") == nil)
        #expect(cache.value(for: "caf\u{E9}") == nil) // never a hit for another spelling
    }

    /// Many keys: each set holds two, the rest are pushed out; what is found is always right.
    @Test func manyKeysAreEitherFoundRightOrMissed() {
        var cache = KeyIdentityCache<Int>()
        let keys = (0..<1_000).map { "customer-\($0)" }
        for (index, key) in keys.enumerated() { cache.remember(index, for: key) }
        var found = 0
        for (index, key) in keys.enumerated() {
            if let value = cache.value(for: key) {
                #expect(value == index)
                found += 1
            }
        }
        #expect(found > 0 && found <= 128)
        // Fifty keys (a batch's customers) mostly stay: two ways per set.
        var small = KeyIdentityCache<Int>()
        for (index, key) in keys.prefix(50).enumerated() { small.remember(index, for: key) }
        #expect(keys.prefix(50).indices.filter { small.value(for: keys[$0]) == $0 }.count >= 45)
    }

    /// Keys that are two integers (the label counters' combinations).
    @Test func integerKeys() {
        var cache = KeyIdentityCache<Int>()
        cache.remember(1, for: KeyIdentity(low: 0, high: 0))
        cache.remember(2, for: KeyIdentity(low: 5, high: 9))
        #expect(cache.value(for: KeyIdentity(low: 0, high: 0)) == 1)
        #expect(cache.value(for: KeyIdentity(low: 5, high: 9)) == 2)
        #expect(cache.value(for: KeyIdentity(low: 9, high: 5)) == nil)
    }

    /// Equivalent spellings are one group, as before the cache; a thousand distinct values, each
    /// in fresh buffers and seen twice, each land in their own group with both contributions.
    @Test func groupTablesGiveTheGroupsALookupByTextGives() {
        var table = GroupTable(dimension: .customer, capacity: 2_000)
        let contribution = EffectFactory.contribution(usd: 1)
        let first = table.add(contribution, value: "caf\u{E9}", at: EffectFactory.t0)
        #expect(table.add(contribution, value: "cafe\u{301}", at: EffectFactory.t0) == first)
        for round in 0..<2 {
            for index in 0..<1_000 {
                let position = table.add(contribution, value: fresh("customer-number-\(index)"), at: EffectFactory.t0 + UInt64(round))
                #expect(table.key(at: position) == "customer-number-\(index)")
            }
        }
        table.flushRun()
        #expect(table.count == 1_001)
        #expect(table.totalsByKey.allSatisfy { $0.1.requests == 2 })
    }

    /// The chart's team series and the label counters, fed values in fresh buffers, keep one series
    /// per team and one per combination.
    @Test func spendSeriesAndLabelCountersKeepOneSeriesPerValue() {
        let engine = Engine()
        for id in 1...200 {
            let team = fresh("team-with-a-long-name-\(id % 20)")
            engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: UInt64(id), id: UInt64(id), team: team, cost: 1,
                                                                 model: fresh("gpt-4o-2024-08-06-\(id % 3)"))]))
        }
        let series = engine.metrics().series
        #expect(series.count == 60)
        #expect(series.allSatisfy { $0.requests > 0 } && series.map(\.requests).reduce(0, +) == 200)
        #expect(Set(series.map(\.labels)).count == 60)
        var spend = SpendSeries()
        for id in 1...200 { spend.add(.dollars(1), team: fresh("team-with-a-long-name-\(id % 20)"), at: EffectFactory.t0) }
        let hour = spend.history(now: EffectFactory.t0, topTeams: 100).hour
        #expect(hour.teams.count == 20)
        #expect(hour.teams.allSatisfy { $0.amounts.reduce(Money.zero, +) == .dollars(10) })
    }
}
