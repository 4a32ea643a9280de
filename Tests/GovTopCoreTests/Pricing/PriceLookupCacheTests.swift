import Foundation
import Testing
import GovTopCore

@Suite struct PriceLookupCacheTests {
    @Test func givesTheSameAnswersAsTheTable() {
        let table = ModelMatchingTests.table
        var cache = PriceLookupCache(table: table)
        for (name, expected) in ModelMatchingTests.cases {
            #expect(cache.price(forModel: name)?.name == expected, "\(name)")
            #expect(cache.price(forModel: name)?.name == expected, "\(name) (cached)")
        }
        let expected: Double = (1000 * 2.5 + 500 * 10) / 1e6
        let estimate = cache.estimate(model: "gpt-4o", usage: TokenUsage(input: 1000, output: 500))
        #expect(estimate == .priced(usd: expected))
        #expect(cache.estimate(model: "unknown", usage: TokenUsage(input: 1000)) == .unpriced)
    }

    @Test func staysWithinItsCapacity() {
        var cache = PriceLookupCache(table: ModelMatchingTests.table, capacity: 8)
        for index in 0..<100 {
            _ = cache.price(forModel: "unknown-model-\(index)")
            #expect(cache.count <= 8)
        }
        #expect(cache.price(forModel: "o3-mini")?.name == "o3-mini")
    }

    /// Measures lookups through the index (no cache) on a mix of real spellings; the bound is
    /// loose because CI machines are shared, the figure is printed for the record.
    @Test func lookupIsFast() {
        let table = ModelMatchingTests.table
        let names = ModelMatchingTests.cases.map(\.0)
        let rounds = 200
        let start = ContinuousClock.now
        var found = 0
        for _ in 0..<rounds {
            for name in names where table.price(forModel: name) != nil { found += 1 }
        }
        let elapsed = ContinuousClock.now - start
        let perLookup = elapsed / (rounds * names.count)
        print("pricing lookup: \(perLookup) per uncached lookup over \(rounds * names.count) lookups")
        #expect(found > 0)
        #expect(perLookup < .milliseconds(1))
    }
}
