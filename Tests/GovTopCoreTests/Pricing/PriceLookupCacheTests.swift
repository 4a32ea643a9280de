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
}
