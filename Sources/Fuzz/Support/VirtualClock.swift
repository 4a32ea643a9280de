import Synchronization

/// A clock that advances one second each time it is read, so a fuzz run is deterministic yet
/// spans rate windows and budget periods move through.
final class VirtualClock: Sendable {
    private let now: Mutex<UInt64>

    init(start: UInt64) { now = Mutex(start) }

    func tick() -> UInt64 {
        now.withLock { value in
            value += 1_000_000_000
            return value
        }
    }
}
