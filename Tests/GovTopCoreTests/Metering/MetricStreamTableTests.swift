import GovTopCore
import Testing

/// Cumulative-to-delta per stream, resets, first readings and the stream cap.
@Suite struct MetricStreamTableTests {
    static let startedAt: UInt64 = 1_000

    static func key(_ name: String = "gen_ai.client.token.usage", type: String = "input") -> MetricStreamKey {
        MetricStreamKey(resource: [Attribute("service.name", .string("svc"))], scope: InstrumentationScope(name: "openai"),
                        metric: name, attributes: [Attribute("gen_ai.token.type", .string(type))])
    }

    static func reading(start: UInt64, time: UInt64, _ value: Double, count: UInt64 = 0) -> StreamReading {
        StreamReading(startTimeUnixNano: start, timeUnixNano: time, value: value, count: count)
    }

    @Test func cumulativeReadingsBecomeDeltas() {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let key = Self.key()
        let first = table.delta(key, Self.reading(start: 2_000, time: 3_000, 100, count: 2), temporality: .cumulative, isMonotonic: true)
        #expect(first?.value == 100)
        let second = table.delta(key, Self.reading(start: 2_000, time: 4_000, 130, count: 3), temporality: .cumulative, isMonotonic: true)
        #expect(second?.value == 30)
        #expect(second?.count == 1)
        #expect(second?.startTimeUnixNano == 3_000)
        let third = table.delta(key, Self.reading(start: 2_000, time: 5_000, 130, count: 3), temporality: .cumulative, isMonotonic: true)
        #expect(third?.value == 0)
    }

    @Test(arguments: [
        // (start time, counted in full?)
        (UInt64(2_000), true),   // started while govtop listened: everything it covers is new
        (UInt64(500), false),    // started before govtop: only a baseline
        (UInt64(0), false),      // no start time: only a baseline
    ])
    func theFirstReadingCountsOnlyWhenItsStartIsKnownAndRecent(start: UInt64, counted: Bool) {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let first = table.delta(Self.key(), Self.reading(start: start, time: 3_000, 100), temporality: .cumulative, isMonotonic: true)
        #expect((first?.value == 100) == counted)
        #expect(first == nil || counted)
        // Either way the next reading counts what it adds.
        let next = table.delta(Self.key(), Self.reading(start: start, time: 4_000, 150), temporality: .cumulative, isMonotonic: true)
        #expect(next?.value == 50)
    }

    @Test func aNewStartTimeIsAResetCountedInFull() {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let key = Self.key()
        _ = table.delta(key, Self.reading(start: 2_000, time: 3_000, 100), temporality: .cumulative, isMonotonic: true)
        let afterRestart = table.delta(key, Self.reading(start: 3_500, time: 4_000, 20), temporality: .cumulative, isMonotonic: true)
        #expect(afterRestart?.value == 20)
        #expect(table.resets == 1)
        let next = table.delta(key, Self.reading(start: 3_500, time: 5_000, 25), temporality: .cumulative, isMonotonic: true)
        #expect(next?.value == 5)
    }

    @Test func aMonotonicValueGoingDownWithoutStartTimesIsAReset() {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let key = Self.key()
        _ = table.delta(key, Self.reading(start: 0, time: 3_000, 100), temporality: .cumulative, isMonotonic: true)
        let reset = table.delta(key, Self.reading(start: 0, time: 4_000, 40), temporality: .cumulative, isMonotonic: true)
        #expect(reset?.value == 40)
        #expect(table.resets == 1)
    }

    @Test func aNonMonotonicSumMayGoDown() {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let key = Self.key("queue.depth")
        _ = table.delta(key, Self.reading(start: 0, time: 3_000, 100), temporality: .cumulative, isMonotonic: false)
        let down = table.delta(key, Self.reading(start: 0, time: 4_000, 40), temporality: .cumulative, isMonotonic: false)
        #expect(down?.value == -60)
        #expect(table.resets == 0)
    }

    @Test func aDuplicateOrOlderReadingCountsNothing() {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let key = Self.key()
        _ = table.delta(key, Self.reading(start: 2_000, time: 3_000, 100), temporality: .cumulative, isMonotonic: true)
        #expect(table.delta(key, Self.reading(start: 2_000, time: 3_000, 100), temporality: .cumulative, isMonotonic: true) == nil)
        #expect(table.delta(key, Self.reading(start: 2_000, time: 2_500, 90), temporality: .cumulative, isMonotonic: true) == nil)
        #expect(table.delta(key, Self.reading(start: 2_000, time: 3_500, 110), temporality: .cumulative, isMonotonic: true)?.value == 10)
    }

    @Test func streamsAreSeparateByAttributesAndNotByAttributeOrder() {
        var table = MetricStreamTable(capacity: 10, observedSince: Self.startedAt)
        let input = Self.key(type: "input")
        let output = Self.key(type: "output")
        _ = table.delta(input, Self.reading(start: 2_000, time: 3_000, 100), temporality: .cumulative, isMonotonic: true)
        #expect(table.delta(output, Self.reading(start: 2_000, time: 3_000, 7), temporality: .cumulative, isMonotonic: true)?.value == 7)
        let reordered = MetricStreamKey(resource: [Attribute("b", .int(2)), Attribute("a", .int(1))], scope: InstrumentationScope(), metric: "m", attributes: [])
        let ordered = MetricStreamKey(resource: [Attribute("a", .int(1)), Attribute("b", .int(2))], scope: InstrumentationScope(), metric: "m", attributes: [])
        #expect(reordered == ordered)
        #expect(table.count == 2)
    }

    @Test func deltaReadingsPassThroughAndHoldNoStream() {
        var table = MetricStreamTable(capacity: 1, observedSince: Self.startedAt)
        for index in 0..<5 {
            let reading = Self.reading(start: 0, time: UInt64(index), 3)
            #expect(table.delta(Self.key(type: "t\(index)"), reading, temporality: .delta, isMonotonic: true) == reading)
        }
        #expect(table.count == 0)
        #expect(table.droppedReadings == 0)
    }

    @Test func newStreamsBeyondTheCapAreRefusedAndCounted() {
        var table = MetricStreamTable(capacity: 2, observedSince: Self.startedAt)
        for type in ["a", "b"] {
            _ = table.delta(Self.key(type: type), Self.reading(start: 2_000, time: 3_000, 10), temporality: .cumulative, isMonotonic: true)
        }
        #expect(table.delta(Self.key(type: "c"), Self.reading(start: 2_000, time: 3_000, 10), temporality: .cumulative, isMonotonic: true) == nil)
        #expect(table.delta(Self.key(type: "c"), Self.reading(start: 2_000, time: 4_000, 20), temporality: .cumulative, isMonotonic: true) == nil)
        #expect(table.droppedReadings == 2)
        #expect(table.count == 2)
        // Streams already followed keep counting.
        #expect(table.delta(Self.key(type: "a"), Self.reading(start: 2_000, time: 4_000, 15), temporality: .cumulative, isMonotonic: true)?.value == 5)
    }
}
