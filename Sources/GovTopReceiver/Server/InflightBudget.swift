import Synchronization

/// The process-wide budget of bytes that requests may hold while they are received and decoded.
///
/// Every request body being buffered, and what decoding it may allocate, is reserved here first;
/// a reservation that does not fit is refused (the request is answered `503` with `Retry-After`),
/// so many large requests at once cannot take the process beyond `limit` bytes of request memory.
/// Shared by all connections of one server; lock-free.
final class InflightBudget: Sendable {
    /// Most bytes reserved at once.
    let limit: Int
    private let reserved = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Bytes reserved now.
    var inUse: Int { reserved.load(ordering: .relaxed) }

    /// Reserves `bytes`; false (and nothing reserved) when they do not fit under the limit.
    func reserve(_ bytes: Int) -> Bool {
        precondition(bytes >= 0, "a reservation is never negative")
        var current = reserved.load(ordering: .relaxed)
        while current <= limit - bytes {
            let (exchanged, original) = reserved.compareExchange(
                expected: current, desired: current + bytes, ordering: .acquiringAndReleasing)
            if exchanged { return true }
            current = original
        }
        return false
    }

    /// Returns bytes reserved earlier.
    func release(_ bytes: Int) {
        precondition(bytes >= 0, "a release is never negative")
        reserved.subtract(bytes, ordering: .acquiringAndReleasing)
    }
}
