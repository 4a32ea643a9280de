import Synchronization

/// Bounds the exports waiting for an export worker: beyond `limit` waiting, a new export is shed
/// (answered `503` + `Retry-After`) instead of queueing behind work the workers cannot finish in time.
///
/// A request enters when its body is complete and it is handed to the workers (`enter()`), and
/// leaves when a worker starts it or when it is dropped unprocessed (its ticket is released), so
/// the count cannot leak. Lock-free; shared by all connections of one server.
final class ExportQueue: Sendable {
    /// Most exports waiting at once.
    let limit: Int
    private let waiting = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Exports waiting now (shed ones included until they are answered).
    var count: Int { waiting.load(ordering: .relaxed) }

    /// Counts one more waiting export; its ticket says whether it fits under the limit.
    func enter() -> ExportTicket {
        let position = waiting.add(1, ordering: .acquiringAndReleasing).newValue
        return ExportTicket(queue: self, admitted: position <= limit)
    }

    fileprivate func leave() {
        waiting.subtract(1, ordering: .acquiringAndReleasing)
    }
}

/// One export's place in the `ExportQueue`: it leaves the queue once, when a worker starts it
/// (`start()`) or when it is released without having been started.
final class ExportTicket: Sendable {
    /// False when the queue was full as it entered: the export must be shed.
    let admitted: Bool
    private let queue: ExportQueue
    private let left = Atomic<Bool>(false)

    fileprivate init(queue: ExportQueue, admitted: Bool) {
        self.queue = queue
        self.admitted = admitted
    }

    /// The export is no longer waiting (a worker has it, or it is being answered at once).
    func start() {
        if !left.exchange(true, ordering: .acquiringAndReleasing) { queue.leave() }
    }

    deinit {
        start()
    }
}
