import Testing
@testable import GovTopCore

@Suite struct BudgetLevelTests {
    private static let defaults = [0.5, 0.8, 0.95]

    @Test(arguments: [
        (0.0, BudgetLevel.ok), (0.5, .ok), (0.799, .ok), (0.8, .warning), (0.949, .warning),
        (0.95, .critical), (0.999, .critical), (1.0, .exceeded), (3.0, .exceeded), (-0.2, .ok),
    ])
    func defaultThresholds(_ utilization: Double, _ expected: BudgetLevel) {
        #expect(BudgetLevel.classify(utilization: utilization, thresholds: Self.defaults) == expected)
    }

    @Test(arguments: [
        ([0.7], 0.69, BudgetLevel.ok), ([0.7], 0.7, .warning), ([0.7], 0.99, .warning),
        ([0.6, 0.9], 0.6, .warning), ([0.6, 0.9], 0.9, .critical),
        ([0.9, 0.6], 0.75, .warning),
        ([], 0.99, .ok), ([], 1.0, .exceeded),
        ([0.8, 1.0, 1.5], 0.85, .warning), ([0.8, 1.0, 1.5], 0.99, .warning),
    ])
    func fewerOrUnusualThresholds(_ thresholds: [Double], _ utilization: Double, _ expected: BudgetLevel) {
        #expect(BudgetLevel.classify(utilization: utilization, thresholds: thresholds) == expected)
    }

    @Test func nanIsNotAlarming() {
        #expect(BudgetLevel.classify(utilization: .nan, thresholds: Self.defaults) == .ok)
    }

    @Test func levelsAreOrderedBySeverity() {
        #expect(BudgetLevel.allCases.sorted() == [.ok, .warning, .critical, .exceeded])
        #expect(BudgetLevel.warning < .critical)
    }

    @Test(arguments: [
        (40.0, BudgetLevel.ok, [Double]()), (50.0, .ok, [0.5]), (80.0, .warning, [0.5, 0.8]),
        (95.0, .critical, [0.5, 0.8, 0.95]), (100.0, .exceeded, [0.5, 0.8, 0.95]),
    ])
    func trackerStatusAndCrossedThresholds(_ spent: Double, _ level: BudgetLevel, _ crossed: [Double]) {
        let start: UInt64 = 1_750_000_000_000_000_000
        var tracker = BudgetTracker(definition: BudgetDefinition(limitUSD: 100, period: .monthly), startedAt: start)
        tracker.record(.dollars(spent), at: start)
        let status = tracker.status(now: start)
        #expect(status.level == level)
        #expect(status.crossedThresholds == crossed)
    }
}
