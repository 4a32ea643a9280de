import Testing
@testable import GovTopCore

/// SEMANTICS.md "Attribution inside a trace": children inherit from the nearest attributed ancestor,
/// also when it arrives later, and totals never change by the move.
@Suite struct AttributionTests {
    private func teams(_ engine: Engine) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: engine.groups(by: .team).map { ($0.key, ($0.totals.costUSD * 1e6).rounded() / 1e6) })
    }

    private func root(trace: UInt64, id: UInt64, parent: UInt64 = 0, _ attributes: [Attribute]) -> SpanRecord {
        SpanFactory.span(trace: trace, id: id, parent: parent, name: "invoke_agent", attributes: attributes)
    }

    @Test func childrenSentBeforeTheirParentMoveToItsTeam() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch([
            SpanFactory.llmCall(trace: 1, id: 3, parent: 2, team: nil, cost: 0.25),
            SpanFactory.llmCall(trace: 1, id: 4, parent: 2, team: nil, cost: 0.5),
        ]))
        #expect(teams(engine) == [Dimension.unattributed: 0.75])
        engine.ingest(SpanFactory.batch([root(trace: 1, id: 2, [Attribute("genops.team", .string("support"))])]))
        #expect(teams(engine) == ["support": 0.75, Dimension.unattributed: 0])
        #expect(engine.summary().costUSDTotal == 0.75)
        #expect(engine.groups(by: .team).first { $0.key == "support" }?.totals.requests == 2)
    }

    @Test func grandchildrenInheritThroughAnIntermediateSpanThatArrivesInBetween() {
        let engine = Engine()
        // Leaf (4) -> tool span (3) -> chat (2) -> root (1); sent leaf first, root last.
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 9, id: 4, parent: 3, team: nil, cost: 1)]))
        engine.ingest(SpanFactory.batch([SpanFactory.span(trace: 9, id: 3, parent: 2, name: "execute_tool")]))
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 9, id: 2, parent: 1, team: nil, cost: 2)]))
        #expect(teams(engine) == [Dimension.unattributed: 3])
        engine.ingest(SpanFactory.batch([root(trace: 9, id: 1, [Attribute("genops.team", .string("ml")),
                                                               Attribute("genops.customer_id", .string("acme"))])]))
        #expect(teams(engine) == ["ml": 3, Dimension.unattributed: 0])
        #expect(engine.groups(by: .customer).first { $0.key == "acme" }?.totals.costUSD == 3)
    }

    @Test func eachDimensionComesFromTheNearestAncestorThatHasIt() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch([
            root(trace: 2, id: 1, [Attribute("genops.team", .string("ml")), Attribute("genops.project", .string("alpha"))]),
            root(trace: 2, id: 2, parent: 1, [Attribute("genops.project", .string("beta"))]),
            SpanFactory.llmCall(trace: 2, id: 3, parent: 2, team: nil, cost: 0.5),
        ]))
        #expect(teams(engine)["ml"] == 0.5)
        #expect(engine.groups(by: .project).map(\.key) == ["beta"])
    }

    @Test func ownAttributionIsNeverOverridden() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 3, id: 2, parent: 1, team: "web", cost: 0.5)]))
        engine.ingest(SpanFactory.batch([root(trace: 3, id: 1, [Attribute("genops.team", .string("ml"))])]))
        #expect(teams(engine) == ["web": 0.5])
    }

    @Test func resourceAttributionCountsAsTheSpansOwn() {
        let engine = Engine()
        engine.ingest(SpanFactory.batch(resourceAttributes: [Attribute("genops.team", .string("platform"))],
                                        [SpanFactory.llmCall(trace: 4, id: 1, team: nil, cost: 0.5)]))
        #expect(teams(engine) == ["platform": 0.5])
    }

    @Test func movesStopOnceTheChildIsEvicted() {
        let engine = Engine(configuration: EngineConfiguration(store: StoreLimits(maxSpans: 2)))
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 5, id: 3, parent: 1, team: nil, cost: 1)]))
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 6, id: 7, team: "x", cost: 1)]))
        engine.ingest(SpanFactory.batch([SpanFactory.llmCall(trace: 6, id: 8, team: "x", cost: 1)]))
        engine.ingest(SpanFactory.batch([root(trace: 5, id: 1, [Attribute("genops.team", .string("ml"))])]))
        #expect(teams(engine) == [Dimension.unattributed: 1, "x": 2])
        #expect(engine.summary().costUSDTotal == 3)
    }

    @Test func aTraceWithManyDistinctAttributionsKeepsEachOne() {
        let engine = Engine()
        let children = (2...31).map { id in
            SpanFactory.llmCall(trace: 11, id: UInt64(id), parent: 1, team: "team-\(id % 20)", cost: 1)
        }
        let grandchildren = (2...31).map { id in
            SpanFactory.llmCall(trace: 11, id: UInt64(100 + id), parent: UInt64(id), team: nil, cost: 0.5)
        }
        engine.ingest(SpanFactory.batch(grandchildren))
        engine.ingest(SpanFactory.batch(children))
        let teams = teams(engine)
        for id in 2...31 {
            let team = "team-\(id % 20)"
            let expected = Double((2...31).filter { $0 % 20 == id % 20 }.count) * 1.5
            #expect(teams[team] == expected, "\(team)")
        }
        #expect(teams[Dimension.unattributed] == 0)
    }

    @Test func aRetriedSpanIdDoesNotCorruptTheTree() {
        let engine = Engine()
        let child = SpanFactory.llmCall(trace: 8, id: 2, parent: 1, team: nil, cost: 1)
        engine.ingest(SpanFactory.batch([child]))
        engine.ingest(SpanFactory.batch([child]))
        engine.ingest(SpanFactory.batch([root(trace: 8, id: 1, [Attribute("genops.team", .string("ml"))])]))
        #expect(teams(engine) == ["ml": 1, Dimension.unattributed: 1])
        #expect(engine.summary().costUSDTotal == 2)
    }
}

@Suite struct ParentsFirstTests {
    @Test func parentsInTheSameBatchAreCountedFirst() {
        let spans = [
            SpanFactory.span(trace: 1, id: 4, parent: 3),
            SpanFactory.span(trace: 1, id: 3, parent: 2),
            SpanFactory.span(trace: 2, id: 9, parent: 8),
            SpanFactory.span(trace: 1, id: 2, parent: 1),
            SpanFactory.span(trace: 1, id: 1),
        ]
        #expect(PreparedBatch.parentsFirst(spans).map(\.spanID.value) == [9, 1, 2, 3, 4])
    }

    @Test func aParentCycleDoesNotHang() {
        let spans = [SpanFactory.span(trace: 1, id: 1, parent: 2), SpanFactory.span(trace: 1, id: 2, parent: 1)]
        #expect(Set(PreparedBatch.parentsFirst(spans).map(\.spanID.value)) == [1, 2])
    }

    /// Random batches (few traces and ids, so parents, duplicate ids and orphans are common)
    /// come out in the order of the definition: by depth below the batch's roots, then by position.
    @Test func randomBatchesComeOutByDepthThenPosition() {
        var random = SplitMix64(seed: 0x9A7E_0001)
        for round in 0..<300 {
            let count = random.int(0...(round < 200 ? 12 : 400))
            let ids = UInt64(max(1, count / 2))
            // A parent's id is below its child's (or absent from the batch), so there is no cycle.
            let spans = (0..<count).map { _ in
                let id = UInt64(random.int(1...Int(ids)))
                let parent: UInt64 = random.chance(0.2) ? 0 : id > 1 && random.chance(0.8) ? UInt64(random.int(1...Int(id - 1))) : ids + 1
                return SpanFactory.span(trace: UInt64(random.int(1...3)), id: id, parent: parent)
            }
            let order = spans.withUnsafeBufferPointer { PreparedBatch.parentsFirst($0) }
            #expect(order == Self.byDepthThenPosition(spans), "round \(round), \(count) spans")
        }
    }

    /// The definition, spelled out: a span's depth is the number of its ancestors found in the
    /// batch (a duplicate id names its last span).
    private static func byDepthThenPosition(_ spans: [SpanRecord]) -> [Int] {
        var last: [String: Int] = [:]
        for (position, span) in spans.enumerated() { last["\(span.traceID.low)/\(span.spanID.value)"] = position }
        func depth(_ start: Int) -> Int {
            var current = start
            var depth = 0
            while !spans[current].parentSpanID.isNone,
                  let parent = last["\(spans[current].traceID.low)/\(spans[current].parentSpanID.value)"] {
                depth += 1
                current = parent
            }
            return depth
        }
        let depths = spans.indices.map(depth)
        return spans.indices.sorted { (depths[$0], $0) < (depths[$1], $1) }
    }
}

@Suite struct SpanPositionIndexTests {
    private static func spans(_ count: Int) -> [SpanRecord] {
        (0..<count).map { SpanFactory.span(trace: UInt64($0 % 7), id: UInt64($0 / 7 + 1)) }
            + [SpanFactory.span(trace: 3, id: 1, name: "again")] // the ids of position 3, again
    }

    @Test func findsEverySpanAndALaterDuplicateWins() {
        let spans = Self.spans(1000)
        spans.withUnsafeBufferPointer { buffer in
            let index = SpanPositionIndex(buffer)
            #expect(!index.isDictionary)
            for position in 0..<1000 where position != 3 {
                #expect(index.position(trace: buffer[position].traceID, span: buffer[position].spanID, in: buffer) == position)
            }
            #expect(index.position(trace: SpanFactory.traceID(3), span: SpanID(1), in: buffer) == 1000)
            #expect(index.position(trace: SpanFactory.traceID(3), span: SpanID(999), in: buffer) == nil)
            #expect(index.position(trace: SpanFactory.traceID(99), span: SpanID(1), in: buffer) == nil)
        }
    }

    /// Ids that collide (here: any collision at all, with no probing allowed) send the index to a
    /// dictionary, which answers the same.
    @Test func longProbesFallBackToADictionaryThatAnswersTheSame() {
        let spans = Self.spans(1000)
        spans.withUnsafeBufferPointer { buffer in
            let index = SpanPositionIndex(buffer, seed: 42, maxProbes: 0)
            #expect(index.isDictionary)
            for position in 0..<1000 where position != 3 {
                #expect(index.position(trace: buffer[position].traceID, span: buffer[position].spanID, in: buffer) == position)
            }
            #expect(index.position(trace: SpanFactory.traceID(3), span: SpanID(1), in: buffer) == 1000)
            #expect(index.position(trace: SpanFactory.traceID(99), span: SpanID(1), in: buffer) == nil)
        }
    }
}
