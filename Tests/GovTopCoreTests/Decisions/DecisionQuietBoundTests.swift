import Testing
@testable import GovTopCore

/// `decisionEntry` answers "nothing to say" without dividing while consumption is clearly below the
/// lowest threshold; at and around every threshold it must answer as the exact utilization says.
@Suite struct DecisionQuietBoundTests {
    private static let t0 = EffectFactory.t0

    @Test func entriesAppearExactlyWhereUtilizationReachesAThreshold() {
        var random = SplitMix64(seed: 0xDEC1_5104)
        let limits: [Money] = [Money(nanos: 1), Money(nanos: 3), .dollars(0.01), .dollars(10), .dollars(123_456.789),
                               Money(nanos: Int128(ValueBounds.maxBudgetUSD * 1e9))]
        for limit in limits {
            for _ in 0..<30 {
                let thresholds = (0..<Int(1 + random.next() % 3)).map { _ in Double(1 + random.next() % 1_200) / 1_000 }
                let definition = BudgetDefinition(name: "b", limitUSD: limit.usd, period: .monthly, thresholds: thresholds)
                let probe = BudgetTracker(definition: definition, startedAt: Self.t0)
                let exactLimit = probe.limitAmount
                // Consumptions at each threshold's exact amount and one nano-dollar either side.
                let marks = (definition.thresholds + [1]).flatMap { threshold -> [Int128] in
                    let at = Int128((Double(exactLimit.nanos) * threshold).rounded(.up))
                    return [at - 1, at, at + 1]
                } + [0, 1]
                for nanos in marks where nanos >= 0 {
                    var tracker = probe
                    tracker.record(Money(nanos: nanos), at: Self.t0)
                    let utilization = BudgetMath.utilization(consumed: Money(nanos: nanos), limit: exactLimit)
                    let expected = utilization >= 1 || definition.thresholds.contains { utilization >= $0 }
                    #expect((tracker.decisionEntry(now: Self.t0) != nil) == expected,
                            "limit \(exactLimit.nanos) thresholds \(definition.thresholds) consumed \(nanos)")
                }
            }
        }
    }

    @Test func theQuietBoundIsBelowTheLowestThresholdAndNeverAboveTheLimit() {
        #expect(BudgetTracker.quietBelow(limit: .dollars(10), thresholds: [0.5, 0.8]) < .dollars(5))
        #expect(BudgetTracker.quietBelow(limit: .dollars(10), thresholds: [0.5, 0.8]) > .dollars(4.99))
        #expect(BudgetTracker.quietBelow(limit: .dollars(10), thresholds: [1.5]) < .dollars(10))
        #expect(BudgetTracker.quietBelow(limit: .dollars(10), thresholds: [0]) == .zero)
        #expect(BudgetTracker.quietBelow(limit: .zero, thresholds: [0.5]) == .zero)
        #expect(BudgetTracker.quietBelow(limit: .dollars(10), thresholds: []) < .dollars(10))
    }
}
