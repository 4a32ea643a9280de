/// Why the receiver refused an export with `503` + `Retry-After` before decoding it, so that the
/// sender retries later: load shedding, counted in `Summary.requestsShed`.
public enum ShedReason: Sendable, Hashable, CaseIterable {
    /// The process-wide in-flight memory budget had no room for the request's decoding.
    case inflightMemory
    /// Too many requests were already waiting for an export worker.
    case queueFull

    /// The name in `/api/v1/summary` (`requests_shed_by_reason`).
    public var name: String {
        switch self {
        case .inflightMemory: "inflight_memory"
        case .queueFull: "queue_full"
        }
    }
}
