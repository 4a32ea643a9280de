import Foundation
import GovTopCore
import GovTopLedgerPostgres
import Testing

/// A batch whose COMMIT reached the database but whose answer was lost is retried by the writer with
/// the same sequence number; the store recognizes it and counts nothing twice (fleet: issue 16).
@Suite(.enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct AppliedBatchTests {
    typealias Fixtures = PostgresLedgerStoreTests

    static func batch(_ sequence: UInt64, requests: Int, consumedNanos: Int128) -> LedgerCommit {
        var commit = LedgerCommit(buckets: Fixtures.buckets("ml", requests: requests, costNanos: Int128(requests) * 1_000),
                                  pricingID: "p", budgets: [Fixtures.budget(consumedNanos)])
        commit.sequence = sequence
        return commit
    }

    @Test func aRetriedBatchThatWasAppliedIsSkippedAndLaterOnesStillAdd() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase(instance: "a")
        let store = try PostgresLedgerStore(url: url, now: Fixtures.hour)
        try store.commit(Self.batch(1, requests: 3, consumedNanos: 300))
        // The answer to that COMMIT was lost: the writer retries the very same batch.
        try store.commit(Self.batch(1, requests: 3, consumedNanos: 300))
        #expect(store.lastSkippedBatch == 1)
        var restored = try PostgresLedgerStore(url: url, now: Fixtures.hour).restore()
        #expect(restored.totals == Fixtures.amounts(requests: 3, costNanos: 3_000))
        #expect(restored.budgets.first?.consumed == Money(nanos: 300))

        // The next batch adds, its budget as a delta from what the skipped retry had applied.
        try store.commit(Self.batch(2, requests: 2, consumedNanos: 500))
        restored = try PostgresLedgerStore(url: url, now: Fixtures.hour).restore()
        var total = Fixtures.amounts(requests: 3, costNanos: 3_000)
        total.add(Fixtures.amounts(requests: 2, costNanos: 2_000))
        #expect(restored.totals == total)
        #expect(restored.budgets.first?.consumed == Money(nanos: 500))
        let rows = try server.sql("SELECT COUNT(*) FROM govtop_applied_batches", database: url.database)
        #expect(rows == "2")
    }

    @Test func anotherWriterWithTheSameSequenceNumbersIsNotSkipped() throws {
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase(instance: "a")
        // A restarted instance (same name, new process) numbers its batches from 1 again.
        try PostgresLedgerStore(url: url, now: Fixtures.hour).commit(Self.batch(1, requests: 1, consumedNanos: 0))
        let restarted = try PostgresLedgerStore(url: url, now: Fixtures.hour)
        try restarted.commit(Self.batch(1, requests: 1, consumedNanos: 0))
        #expect(restarted.lastSkippedBatch == 0)
        #expect(try restarted.restore().totals.requests == 2)
    }
}
