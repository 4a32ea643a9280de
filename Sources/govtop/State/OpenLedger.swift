import Foundation
import GovTopCore
import GovTopLedgerPostgres
import GovTopLedgerSQLite

/// The ledger of record of one run: the store (and the locked state directory it lives in), restored
/// into the engine, and the writer that keeps it up to date until `stop()`.
final class OpenLedger: Sendable {
    let store: any LedgerStore
    /// Held for the lock; nil in memory.
    private let directory: StateDirectory?
    private let writer: LedgerWriter

    init(_ choice: LedgerChoice, engine: Engine, pricing: PricingTable) throws(LedgerStoreError) {
        switch choice {
        case .memory:
            directory = nil
            store = MemoryLedgerStore()
            try engine.restore(from: store, path: "memory")
        case .directory(let path, _):
            let directory = try StateDirectory(path: path)
            self.directory = directory
            store = try SQLiteLedgerStore(path: directory.ledgerPath, now: Int64(Date().timeIntervalSince1970))
            try engine.restore(from: store, path: directory.ledgerPath)
        case .postgres(let text, _):
            directory = nil
            let url = try PostgresLedgerURL(text)
            store = try PostgresLedgerStore(url: url, now: Int64(Date().timeIntervalSince1970))
            try engine.restore(from: store, path: url.description)
            engine.joinFleet()
        }
        writer = LedgerWriter(engine: engine, store: store, pricingID: PricingFingerprint.of(pricing),
                              retentionDays: choice.historyDays)
        writer.start()
    }

    /// Commits what is left and stops the writer; the state directory's lock goes with this object.
    func stop() {
        writer.stop()
    }
}
