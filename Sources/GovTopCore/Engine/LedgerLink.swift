import Synchronization

/// The engine's reference to its ledger of record (none until `Engine.restore(from:)`), for the
/// history reads. Its own small lock: a history query never takes the engine's.
final class LedgerLink: Sendable {
    private let value = Mutex<(store: any LedgerStore, path: String)?>(nil)

    var store: (any LedgerStore)? { value.withLock { $0?.store } }
    var path: String { value.withLock { $0?.path ?? "" } }

    func attach(_ store: any LedgerStore, path: String) {
        value.withLock { $0 = (store, path) }
    }
}
