import Testing
@testable import GovTopCore

/// The store's compact layout: payloads in their ring chunk's arena, names as ids in a table that
/// drops a name with its last span, a 128-byte slot per span. Every value comes back exactly, and
/// nothing outlives the spans that hold it.
@Suite struct CompactStorageTests {
    /// Spans of every kind and status with payloads from empty to a few hundred bytes, and names
    /// short and long, one span per batch so arrival order is the order sent.
    static func span(_ number: Int) -> SpanRecord {
        let trace = UInt64(number / 4 + 1)
        let kinds = SpanKind.allCases
        let statuses: [StatusCode] = [.unset, .ok, .error]
        let attributes = (0..<(number % 7)).map { index in
            Attribute("custom.key.\(index)", .string(String(repeating: "v", count: (number * 37 + index * 11) % 90)))
        }
        return SpanRecord(traceID: SpanFactory.traceID(trace), spanID: SpanID(UInt64(number + 1)),
                          parentSpanID: number % 4 == 0 ? .none : SpanID(UInt64(number - number % 4 + 1)),
                          traceState: number % 5 == 0 ? "k=\(number)" : "",
                          name: number % 3 == 0 ? "a long operation name number \(number % 50)" : "op \(number % 9)",
                          kind: kinds[number % kinds.count],
                          startTimeUnixNano: 1_700_000_000_000_000_000 + UInt64(number), endTimeUnixNano: 1_700_000_001_000_000_000 + UInt64(number),
                          attributes: attributes,
                          events: number % 6 == 0 ? [SpanEvent(timeUnixNano: 5, name: "e", attributes: [Attribute("x", .int(Int64(number)))])] : [],
                          statusCode: statuses[number % 3], statusMessage: number % 3 == 2 ? "failed \(number)" : "")
    }

    @Test func everySpanComesBackExactlyAcrossChunksAndEvictions() {
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 700, maxMemoryBytes: 512 << 20)))
        let sent = (0..<2_000).map(Self.span)
        for span in sent { engine.ingest(SpanFactory.batch([span])) }
        #expect(engine.summary().spansStored == 700)
        // The 700 newest are held; traces whose first spans were evicted keep the rest.
        for trace in stride(from: 1_300 / 4 + 1, through: 2_000 / 4, by: 1) {
            let id = SpanFactory.traceID(UInt64(trace))
            let expected = sent.filter { $0.traceID == id && Int($0.spanID.value) > 1_300 }
            let stored = engine.trace(id)?.spans.map(\.record) ?? []
            #expect(stored == expected, "trace \(trace)")
        }
        #expect(engine.trace(SpanFactory.traceID(1)) == nil)
    }

    @Test func distinctNamesLeaveWithTheirLastSpan() {
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 100, maxMemoryBytes: 512 << 20)))
        var largestEstimate = 0
        for number in 0..<5_000 {
            let name = "a distinct operation name, number \(number)"
            engine.ingest(SpanFactory.batch([SpanFactory.span(trace: UInt64(number + 1), id: 1, name: name)]))
            if number >= 500 { largestEstimate = max(largestEstimate, engine.summary().storeBytes) }
        }
        #expect(engine.state.withLock { $0.store.nameCount } == 100)
        let settled = engine.summary().storeBytes
        #expect(largestEstimate <= settled + settled / 10, "the estimate grew from \(settled) to \(largestEstimate)")

        for number in 0..<100 {
            engine.ingest(SpanFactory.batch([SpanFactory.span(trace: UInt64(10_000 + number), id: 1, name: "steady")]))
        }
        #expect(engine.state.withLock { $0.store.nameCount } == 1)
        #expect(engine.trace(SpanFactory.traceID(10_099))?.spans.first?.record.name == "steady")
        #expect(engine.summary().storeBytes < settled)
    }

    @Test func aStoredSpanTakesOneHundredAndTwentyEightBytesOfItsChunk() {
        #expect(MemoryLayout<StoredSpan?>.stride == 128)
    }

    @Test func arenaBytesComeBackExactlyAndLeaveWithTheirChunk() {
        var ring = Ring<Int>(maxCapacity: 1_000)
        var held: [(sequence: UInt64, bytes: [UInt8], start: Int)] = []
        for number in 0..<3_000 {
            let bytes = (0..<(number % 200)).map { UInt8(truncatingIfNeeded: number &+ $0) }
            let start = ring.appendBytes(bytes)
            let sequence = ring.append(number)
            held.append((sequence, bytes, start))
            if ring.count > 700 {
                _ = ring.removeFirst()
                held.removeFirst()
            }
        }
        for (sequence, bytes, start) in held {
            #expect(ring.bytes(of: sequence, at: start, count: bytes.count) == bytes)
        }
        #expect(ring.bytes(of: 0, at: 0, count: 10) == [])
        while ring.removeFirst() != nil {}
        // Only the last chunk stays (until its slots are used up), with its arena.
        #expect(ring.arenaCapacity <= 256 * 200 * 2)
        var empty = Ring<Int>(maxCapacity: 256)
        for number in 0..<256 { _ = empty.appendBytes([1, 2, 3]); empty.append(number) }
        while empty.removeFirst() != nil {}
        #expect(empty.arenaCapacity == 0)
    }

    @Test func removedElementsBytesAreCutFromTheirChunk() {
        var ring = Ring<(start: Int, count: Int)>(maxCapacity: 256)
        var held: [(start: Int, bytes: [UInt8])] = []
        for number in 0..<200 {
            let bytes = [UInt8](repeating: UInt8(number), count: 1_000 + number)
            let start = ring.appendBytes(bytes)
            ring.append((start, bytes.count))
            held.append((start, bytes))
        }
        for _ in 0..<150 { _ = ring.removeFirst(bytesEnd: { $0.start + $0.count }) }
        held.removeFirst(150)
        let live = held.reduce(0) { $0 + $1.bytes.count }
        #expect(ring.arenaCapacity <= 2 * live + 4_096 + 64, "arena holds \(ring.arenaCapacity) bytes for \(live) live")
        for (offset, element) in held.enumerated() {
            #expect(ring.bytes(of: ring.firstSequence + UInt64(offset), at: element.start, count: element.bytes.count) == element.bytes)
        }
    }

    @Test func aSteadyStreamLeavesLittleRoomInTheArenas() {
        var ring = Ring<Int>(maxCapacity: 100_000)
        let payload = [UInt8](repeating: 7, count: 100)
        for number in 0..<(256 * 20) {
            _ = ring.appendBytes(payload)
            ring.append(number)
        }
        let used = 256 * 20 * 100
        #expect(ring.arenaCapacity <= used + used / 16, "arenas hold \(ring.arenaCapacity) bytes for \(used)")
    }

    @Test func equalListsAreSharedAndFullTablesDropTheUnusedOnes() {
        var lists = SharedLists<String>(capacity: 8, maxBytes: 1 << 20, elementHeapBytes: StringHeap.bytes)
        let first = lists.appending("gpt-4o", to: nil)
        let again = lists.appending("gpt-4o", to: nil)
        #expect(first.list === again.list && first.ownBytes == 0 && again.ownBytes == 0)
        let longer = lists.appending("claude-3-5-sonnet-20241022", to: first.list)
        #expect(longer.list.elements == ["gpt-4o", "claude-3-5-sonnet-20241022"])
        #expect(first.list.elements == ["gpt-4o"])

        // Lists nobody holds make room for new ones; the table never passes its capacity.
        for number in 0..<100 { _ = lists.appending("model-\(number)", to: nil) }
        #expect(lists.count <= 8)
        // Lists that entries hold stay; past the capacity an entry gets its own, and counts it.
        let held = (0..<20).map { lists.appending("held-model-number-\($0)", to: nil) }
        #expect(lists.count <= 8)
        #expect(held.filter { $0.ownBytes == 0 }.count <= 8)
        #expect(held.allSatisfy { $0.ownBytes == 0 || $0.ownBytes >= 32 + 48 + 64 })
        #expect(held.map(\.list.elements) == (0..<20).map { ["held-model-number-\($0)"] })
    }

    @Test func knownStepsAreFoundAgainAndKeepNoDroppedListAlive() {
        var lists = SharedLists<String>(capacity: 8, maxBytes: 1 << 20, elementHeapBytes: StringHeap.bytes)
        let base = lists.appending("a-model", to: nil).list
        let first = lists.appending("b-model", to: base)
        #expect(lists.appending("b-model", to: base).list === first.list)
        // The same value on another base is another list.
        let other = lists.appending("c-model", to: nil).list
        #expect(lists.appending("b-model", to: other).list.elements == ["c-model", "b-model"])
        #expect(lists.appending("b-model", to: base).list.elements == ["a-model", "b-model"])

        weak var released: SharedList<String>?
        do {
            let made = lists.appending("d-model", to: nil)
            #expect(lists.appending("d-model", to: nil).list === made.list) // found among the steps
            released = made.list
        }
        lists.noteReleased(64) // a sweep: only the table (and its steps) still hold it
        #expect(released == nil, "a list nobody holds was kept alive by the steps")
        #expect(lists.appending("d-model", to: nil).list.elements == ["d-model"])
    }

    @Test func distinctModelsAndTeamsKeepTheEstimateStable() {
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 400, maxMemoryBytes: 512 << 20)))
        var settled = 0, largest = 0
        for number in 0..<20_000 {
            let trace = UInt64(number / 2 + 1)
            let span = SpanFactory.llmCall(trace: trace, id: UInt64(number % 2 + 1), parent: UInt64(number % 2 == 0 ? 0 : 1),
                                           team: "team-\(number / 2)-of-a-churning-set", model: "model-\(number)-with-a-long-name")
            engine.ingest(SpanFactory.batch([span]))
            if number == 2_000 { settled = engine.summary().storeBytes }
            if number > 2_000 { largest = max(largest, engine.summary().storeBytes) }
        }
        #expect(engine.summary().spansStored == 400)
        #expect(largest <= 2 * settled, "the estimate grew from \(settled) to \(largest)")
        let trace = engine.traces(TraceQuery(limit: 1)).first
        #expect(trace?.models == ["model-19998-with-a-long-name", "model-19999-with-a-long-name"])
        #expect(trace?.attribution.team == "team-9999-of-a-churning-set")
        #expect(engine.state.withLock { $0.store.sharedListCount } < 2_000)

        // Traces of one model and team replace the churned ones: their lists go too.
        for number in 0..<2_000 {
            engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: UInt64(100_000 + number), id: 1)]))
        }
        #expect(engine.state.withLock { $0.store.sharedListCount } < 200)
        #expect(engine.summary().storeBytes < settled)
    }
}
