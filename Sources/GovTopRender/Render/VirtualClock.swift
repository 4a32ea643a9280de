import GovTopCore
import Synchronization

/// A clock that only moves when told: the time renders and replays run on.
public final class VirtualClock: Sendable {
    private let nanos: Mutex<UInt64>

    public init(nanos: UInt64) { self.nanos = Mutex(nanos) }

    public var now: UInt64 { nanos.withLock { $0 } }

    public func set(_ value: UInt64) { nanos.withLock { $0 = value } }

    /// The clock as the engine takes it.
    public var govClock: GovClock { GovClock { self.now } }
}
