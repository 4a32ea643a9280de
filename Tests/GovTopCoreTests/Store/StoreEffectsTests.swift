import Testing
@testable import GovTopCore

/// The store's side of phase two: `insert(batch)` returns what happened as data.
@Suite struct StoreEffectsTests {
    private func prepared(_ batch: TraceBatch, at time: UInt64 = 1) -> PreparedBatch {
        var pass: GovernancePass? = nil
        var prepared = PreparedBatch(batch, governance: &pass)
        prepared.receivedAt = time
        return prepared
    }

    @Test func effectsNameEachSpansAttributionContributionAndMoves() throws {
        var store = SpanStore(limits: StoreLimits())
        let children = store.insert(prepared(SpanFactory.batch([
            SpanFactory.llmCall(trace: 1, id: 2, parent: 1, team: nil, cost: 0.5),
            SpanFactory.llmCall(trace: 1, id: 3, parent: 1, team: nil, cost: 0.25),
        ]), at: 10))
        #expect(children.spans.map(\.sequence) == [0, 1])
        #expect(children.spans.map(\.effective) == [Attribution(), Attribution()])
        #expect(children.spans.map(\.contribution.cost.amount) == [.dollars(0.5), .dollars(0.25)])
        #expect(children.spans.allSatisfy(\.moves.isEmpty) && children.evicted == 0)

        let parent = store.insert(prepared(SpanFactory.batch([
            SpanFactory.span(trace: 1, id: 1, name: "agent", attributes: [Attribute("genops.team", .string("ml"))]),
        ]), at: 20))
        let effect = try #require(parent.spans.first)
        #expect(effect.sequence == 2 && effect.effective.team == "ml" && effect.contribution.isEmpty)
        #expect(effect.moves.map(\.sequence).sorted() == [0, 1])
        #expect(effect.moves.allSatisfy { $0.old.team == nil && $0.new.team == "ml" && $0.receivedAt == 10 })
        #expect(effect.moves.allSatisfy { $0.facts.model == "gpt-4o" && $0.facts.provider == "openai" })
        #expect(Set(effect.moves.map(\.contribution.cost.amount)) == [.dollars(0.5), .dollars(0.25)])
    }

    @Test func evictionsAreCounted() {
        var store = SpanStore(limits: StoreLimits(maxSpans: 2))
        let effects = store.insert(prepared(SpanFactory.batch((1...5).map { SpanFactory.llmCall(trace: $0, id: $0) })))
        #expect(effects.spans.count == 5 && effects.evicted == 3 && store.spanCount == 2)
    }

    /// Violations found after the store returned are kept with the span (so a later move carries
    /// them) and set in the batch's effects, moves of the span later in the batch included.
    @Test func violationsAddedAfterStoringTravelWithMoves() throws {
        var store = SpanStore(limits: StoreLimits())
        var effects = store.insert(prepared(SpanFactory.batch([SpanFactory.llmCall(trace: 1, id: 2, parent: 1, team: nil)])))
        let child = try #require(effects.spans.first)
        #expect(store.addViolations(2, at: child.sequence) == 2)
        effects.setViolations([child.sequence: 2])
        #expect(effects.spans.first?.contribution.policyViolations == 2)
        #expect(store.traceSummaries(TraceQuery()).finish().traces.first?.policyViolations == 2)

        var later = store.insert(prepared(SpanFactory.batch([SpanFactory.span(trace: 1, id: 1, name: "agent",
                                                                              attributes: [Attribute("genops.team", .string("ml"))])])))
        #expect(later.spans.first?.moves.first?.contribution.policyViolations == 2)
        // In one batch the move was worked out before the violations were found: setViolations fixes it.
        later.spans[0].moves[0].contribution.policyViolations = 0
        later.setViolations([child.sequence: 2])
        #expect(later.spans.first?.moves.first?.contribution.policyViolations == 2)
        #expect(store.addViolations(1, at: 99) == nil)
    }
}
