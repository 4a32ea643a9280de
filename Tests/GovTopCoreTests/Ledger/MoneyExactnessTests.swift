import Testing
@testable import GovTopCore

/// Issue 10's exactness property: any seeded sequence of inserts, evictions (a small store) and
/// attribution moves (children before the parent that names the team) leaves every group's totals
/// equal (`==`) to the sum of its spans' amounts, the totals equal to the sum of the groups, and no
/// amount negative or `-0`.
///
/// Which group each span is in is read from a second `SpanStore` fed the same spans: the store is
/// deterministic, so its effects (the span's attribution at insert, then its moves) are the ones the
/// engine's own store produced. The amounts are the test's own: each span's cost as generated,
/// converted at the door.
@Suite struct MoneyExactnessTests {
    private struct SpanKey: Hashable {
        let trace: TraceID
        let span: SpanID
    }

    private static let teams = ["a", "b", "c"]

    @Test(arguments: [1, 7, 42, 2026, 0xDEAD_BEEF] as [UInt64])
    func groupTotalsEqualTheSumOfTheirSpans(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let clock = ManualClock()
        let limits = StoreLimits(maxSpans: 24)
        let budget = BudgetDefinition(scope: [.team: "a"], limitUSD: 1_000_000, period: .monthly)
        let engine = Engine(configuration: EngineConfiguration(store: limits, budgets: [budget]), clock: clock.clock)
        var mirror = SpanStore(limits: limits)
        var groupOf: [SpanKey: String] = [:]
        var amountOf: [SpanKey: Money] = [:]
        var pendingParents: [SpanRecord] = []
        var nextTrace: UInt64 = 1
        var moves = 0

        for _ in 0..<120 {
            var spans: [SpanRecord] = []
            // Parents held back from earlier batches arrive now and then (after their children).
            if !pendingParents.isEmpty && random.chance(0.5) {
                spans.append(pendingParents.removeFirst())
            }
            for _ in 0..<random.int(1...4) {
                let trace = nextTrace
                nextTrace += 1
                let parent = SpanFactory.span(trace: trace, id: 1, name: "agent",
                                              attributes: [Attribute("genops.team", .string(random.pick(Self.teams)))])
                for child in 0..<random.int(1...3) {
                    spans.append(SpanFactory.llmCall(trace: trace, id: UInt64(child + 2), parent: 1, team: nil,
                                                     cost: Self.randomCost(&random)))
                }
                if random.chance(0.6) { pendingParents.append(parent) } else { spans.append(parent) }
            }
            let batch = SpanFactory.batch(spans)
            let now = clock.now
            engine.ingest(batch)
            // The same spans through the mirror store, in the order the engine inserts them.
            var pass: GovernancePass? = nil
            var prepared = PreparedBatch(batch, governance: &pass)
            prepared.receivedAt = now
            let effects = mirror.insert(prepared)
            let sent = Dictionary(spans.map { (SpanKey(trace: $0.traceID, span: $0.spanID), $0) }) { first, _ in first }
            for (span, result) in zip(prepared.spans, effects.spans) {
                let key = SpanKey(trace: span.stored.traceID, span: span.stored.spanID)
                groupOf[key] = result.effective.team ?? Dimension.unattributed
                let record = try #require(sent[key])
                amountOf[key] = Money(usd: Self.cost(of: record), limit: ValueBounds.maxSpanCostUSD) ?? .zero
                // A move names no span: it is one of this trace's spans in the old group with the
                // moved amount (when two qualify, either gives the same sums).
                for move in result.moves {
                    moves += 1
                    let old = move.old.team ?? Dimension.unattributed
                    let moved = try #require(groupOf.first {
                        $0.key.trace == key.trace && $0.value == old && amountOf[$0.key] == move.contribution.cost.amount
                    }?.key)
                    groupOf[moved] = move.new.team ?? Dimension.unattributed
                }
            }
            clock.advance(seconds: random.unit() * 20)
            try checkExactness(engine, groupOf: groupOf, amountOf: amountOf)
        }
        #expect(mirror.evicted > 0 && moves > 0, "the sequence must evict and move")
    }

    /// A cost with many decimals (the kind that does not add up exactly in a Double), or a round one.
    private static func randomCost(_ random: inout SplitMix64) -> Double {
        random.chance(0.2) ? 0.1 : (random.unit() * 3).rounded(.towardZero) + random.unit() / 1000
    }

    private static func cost(of span: SpanRecord) -> Double {
        span.attributes.first { $0.key == "genops.cost.total" }?.value.number ?? 0
    }

    private func checkExactness(_ engine: Engine, groupOf: [SpanKey: String], amountOf: [SpanKey: Money]) throws {
        var expected: [String: Money] = [:]
        for (key, group) in groupOf { expected[group, default: .zero] += amountOf[key] ?? .zero }
        let rows = engine.groups(by: .team)
        for row in rows {
            #expect(row.totals.cost == expected[row.key] ?? .zero, "group \(row.key)")
            #expect(row.totals.cost >= .zero && row.totals.reportedCost >= .zero)
            for rate in [row.lastMinute, row.last5Minutes, row.lastHour] {
                #expect(rate.costUSD >= 0 && rate.costUSD.sign == .plus, "group \(row.key) rate \(rate.costUSD)")
            }
            #expect(row.trend.allSatisfy { $0 >= 0 && $0.sign == .plus })
            if row.totals.cost == .zero { #expect(row.costUSDPerMinute == 0 && row.costUSDPerMinute.sign == .plus) }
        }
        let sumOfGroups = rows.reduce(Money.zero) { $0 + $1.totals.cost }
        let total = expected.values.reduce(Money.zero, +)
        #expect(sumOfGroups == total)
        let summary = engine.summary()
        #expect(summary.costUSDTotal == total.usd)
        let budget = try #require(engine.budgets().first)
        #expect(budget.consumedUSD == (expected["a"] ?? .zero).usd)
        #expect(budget.consumedUSD.map { $0 >= 0 && $0.sign == .plus } == true)
        let metrics = engine.metrics()
        #expect(abs(metrics.series.reduce(0) { $0 + $1.costUSD } - total.usd) < 1e-6)
        #expect(metrics.series.allSatisfy { $0.costUSD >= 0 && $0.costUSD.sign == .plus })
    }
}
