import GovTopCore
import GovTopDemo
import Testing

@Suite struct DemoDeterminismTests {
    static let start = DemoTrafficSample.start
    /// Uneven steps, including a burst window and sub-second calls, in nanoseconds.
    static let steps: [UInt64] = [1_000_000_000, 250_000_000, 2_500_000_000, 1, 999_999_999, 7_000_000_000]
        + Array(repeating: 1_000_000_000, count: 40) + [60_000_000_000, 500_000_000, 30_000_000_000, 1_000_000_000]

    static func encodedRun(seed: UInt64, encode: (TraceBatch) -> [UInt8]) -> [[UInt8]] {
        var scenario = DemoScenario(seed: seed, startTime: start)
        var from = start
        return steps.map { step in
            defer { from += step }
            return encode(scenario.traffic(from: from, to: from + step))
        }
    }

    @Test func sameSeedAndTimesGiveIdenticalBytes() {
        let first = Self.encodedRun(seed: 42, encode: OTLPProtobufEncoder.encode)
        let second = Self.encodedRun(seed: 42, encode: OTLPProtobufEncoder.encode)
        #expect(first == second)
        #expect(Self.encodedRun(seed: 42, encode: OTLPJSONEncoder.encode) == Self.encodedRun(seed: 42, encode: OTLPJSONEncoder.encode))
        #expect(first.filter { !$0.isEmpty }.count >= Self.steps.count - 3)
    }

    @Test(arguments: [(42, 43), (42, 0), (1, 2)] as [(UInt64, UInt64)])
    func differentSeedsGiveDifferentTraffic(seeds: (UInt64, UInt64)) {
        let first = Self.encodedRun(seed: seeds.0, encode: OTLPProtobufEncoder.encode)
        let second = Self.encodedRun(seed: seeds.1, encode: OTLPProtobufEncoder.encode)
        let differing = zip(first, second).filter { $0 != $1 }.count
        #expect(differing >= Self.steps.count - 3)
    }

    @Test func theDefaultSeedIs42() {
        var implicit = DemoScenario(startTime: Self.start)
        var explicit = DemoScenario(seed: 42, startTime: Self.start)
        let to = Self.start + 5_000_000_000
        #expect(implicit.traffic(from: Self.start, to: to) == explicit.traffic(from: Self.start, to: to))
        #expect(implicit.seed == 42)
    }

    @Test func emptyAndReversedIntervalsReturnNothingAndChangeNothing() {
        var probed = DemoScenario(seed: 7, startTime: Self.start)
        var plain = DemoScenario(seed: 7, startTime: Self.start)
        let mid = Self.start + 10_000_000_000
        #expect(probed.traffic(from: mid, to: mid).spanCount == 0)
        #expect(probed.traffic(from: mid, to: Self.start).spanCount == 0)
        #expect(probed.traffic(from: Self.start, to: mid) == plain.traffic(from: Self.start, to: mid))
    }

    @Test(arguments: [0, -5, Double.nan, -Double.infinity])
    func ratesThatAreNotPositiveStartNoTraces(rate: Double) {
        var scenario = DemoScenario(startTime: Self.start)
        #expect(scenario.traffic(from: Self.start, to: Self.start + 30_000_000_000, rate: rate).spanCount == 0)
    }

    @Test func hugeRatesAndIntervalsStayBounded() {
        var scenario = DemoScenario(startTime: Self.start)
        let day: UInt64 = 86_400_000_000_000
        let batch = scenario.traffic(from: Self.start, to: Self.start + day, rate: .infinity)
        // Infinity is not a rate: nothing starts.
        #expect(batch.spanCount == 0)
        let busy = scenario.traffic(from: Self.start + day, to: Self.start + 2 * day, rate: 1e12)
        let bound = Int(DemoScenario.maximumRate * Double(DemoScenario.maximumInterval) / 1e9 * 1.5)
        #expect(busy.spanCount > 0)
        #expect(busy.spanCount < bound)
    }

    @Test func timesAtTheEndOfTheClockAreClamped() {
        var late = DemoScenario(startTime: .max)
        #expect(late.startTime == DemoScenario.latestTime)
        #expect(late.traffic(from: .max - 10_000_000_000, to: .max).spanCount == 0)
        var nearEnd = DemoScenario(startTime: DemoScenario.latestTime - 30_000_000_000)
        let batch = nearEnd.traffic(from: nearEnd.startTime, to: .max)
        #expect(batch.spanCount > 0)
        #expect(batch.resourceSpans.flatMap(\.scopeSpans).flatMap(\.spans).allSatisfy { $0.endTimeUnixNano < DemoScenario.latestTime })
    }

    @Test func callsThatOverlapEarlierOnesDoNotRepeatTraces() {
        var scenario = DemoScenario(startTime: Self.start)
        let first = scenario.traffic(from: Self.start, to: Self.start + 20_000_000_000)
        let again = scenario.traffic(from: Self.start, to: Self.start + 20_000_000_000)
        #expect(first.spanCount > 0)
        #expect(again.spanCount == 0)
    }
}
