import GovTopCore
import Synchronization

/// A virtual clock the demo tests move by hand.
final class DemoTestClock: Sendable {
    private let nanos: Mutex<UInt64>

    init(nanos: UInt64) { self.nanos = Mutex(nanos) }

    func set(_ value: UInt64) { nanos.withLock { $0 = value } }
    var now: UInt64 { nanos.withLock { $0 } }
    var clock: GovClock { GovClock { self.now } }
}
