import Foundation
import GovTopCore
import Testing

/// The writer commits in the background, survives failing commits without losing their deltas,
/// and says so through the engine (a count and a critical alert).
@Suite struct LedgerWriterTests {
    @Test func failedCommitsAreCountedAlertedAndRetriedWithoutLoss() async throws {
        let fixture = try LedgerWriterFixture(failing: .beforeApplying("disk full (test)"))
        let (engine, store) = (fixture.engine, fixture.store)
        fixture.writer.start()
        fixture.spend(1, cost: 2)
        #expect(await LedgerWriterFixture.eventually { engine.summary().ledgerWriteErrors >= 2 })
        let alert = try #require(engine.alerts().first { $0.kind == .ledgerWriteFailure })
        #expect(alert.severity == .critical)
        #expect(alert.message.contains("disk full (test)"))
        #expect(alert.subject.contains(LedgerWriterFixture.path))
        fixture.spend(2, cost: 3)
        store.failure.withLock { $0 = .none }
        #expect(await LedgerWriterFixture.eventually { (try? store.restore().totals.requests) == 2 })
        fixture.writer.stop()
        #expect(try store.restore().totals.cost == Money(nanos: 5_000_000_000))
    }

    @Test func stopCommitsWhatIsLeft() throws {
        let clock = TestClock()
        let engine = LedgerEngines.make(clock)
        let store = MemoryLedgerStore()
        try engine.restore(from: store, path: "memory")
        let writer = LedgerWriter(engine: engine, store: store, pricingID: "p", interval: .seconds(3600))
        writer.start()
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 2)]))
        writer.stop()
        #expect(try store.restore().totals.requests == 1)
        #expect(try store.restore().budgets.map(\.name).sorted() == ["everything", "team:ml"])
    }

    @Test func anEngineWithoutALedgerCollectsNothing() {
        let engine = LedgerEngines.make(TestClock())
        engine.ingest(LedgerSpans.batch([LedgerSpans.call(1, team: "ml", cost: 2)]))
        #expect(engine.drainLedger(pricingID: "p").buckets.isEmpty)
        #expect(!engine.hasLedger)
    }
}
