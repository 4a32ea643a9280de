import GovTopCore
import Synchronization

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let nanos: Mutex<UInt64>

    init(seconds: UInt64 = 1_800_000_000) { nanos = Mutex(seconds * 1_000_000_000) }

    func advance(seconds: Double) { nanos.withLock { $0 += UInt64(seconds * 1e9) } }
    var now: UInt64 { nanos.withLock { $0 } }
    var clock: GovClock { GovClock { self.now } }
}
