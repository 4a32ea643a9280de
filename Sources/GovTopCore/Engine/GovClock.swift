import Foundation

/// Where govtop gets the time. Injected everywhere, so budgets, windows and the demo can run on a
/// virtual clock in tests and renders.
public struct GovClock: Sendable {
    /// Nanoseconds since the Unix epoch.
    public let now: @Sendable () -> UInt64

    public init(now: @escaping @Sendable () -> UInt64) { self.now = now }

    /// The system's wall clock.
    public static let system = GovClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
