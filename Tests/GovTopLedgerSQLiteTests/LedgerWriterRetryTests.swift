import Foundation
import GovTopCore
import Testing

/// fleet (issue 16): a batch whose commit failed is retried unchanged, with its sequence number,
/// before anything newer, so a store that applied it (only the answer was lost) can skip it.
@Suite struct LedgerWriterRetryTests {
    @Test func aBatchWhoseAnswerWasLostIsRetriedWithItsNumberAndCountedOnce() async throws {
        let fixture = try LedgerWriterFixture(failing: .afterApplying("connection reset after COMMIT (test)"))
        let (engine, store) = (fixture.engine, fixture.store)
        fixture.writer.start()
        fixture.spend(1, cost: 2)
        #expect(await LedgerWriterFixture.eventually { engine.summary().ledgerWriteErrors >= 2 })
        // Spend that arrives while the first batch is in doubt waits for the next batch.
        fixture.spend(2, cost: 3)
        #expect(await LedgerWriterFixture.eventually { engine.summary().ledgerWriteErrors >= 4 })
        store.failure.withLock { $0 = .none }
        #expect(await LedgerWriterFixture.eventually { (try? store.restore().totals.requests) == 2 })
        fixture.writer.stop()

        #expect(try store.restore().totals.cost == Money(nanos: 5_000_000_000))
        let attempts = store.attempts
        // Every attempt until the answer came back was batch 1; batch 2 followed once.
        let firstOther = try #require(attempts.firstIndex { $0 != 1 })
        #expect(firstOther >= 4)
        #expect(attempts[firstOther] == 2)
        #expect(attempts.allSatisfy { $0 >= 1 })
    }
}
