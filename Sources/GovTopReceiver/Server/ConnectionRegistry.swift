import NIOCore
import Synchronization

/// The open connections of one server, across its event loops, and the cap on how many there are.
///
/// A connection beyond the cap is not refused while another can make room: the registry picks
/// the connection that has waited longest without doing anything useful (a lingering one, then
/// the longest-idle kept-alive one, then the one that has waited longest for a complete request
/// head, then the slowest body) and asks it to close. Only when every connection is processing a
/// request is the newcomer refused, so hoarded sockets cannot lock well-behaved clients out.
final class ConnectionRegistry: Sendable {
    /// What admitting a new connection decided.
    enum Admission: Sendable {
        /// Registered as `id`; `evicting` is the connection to close to make room, if any (call it
        /// outside any lock).
        case admitted(id: Int, evicting: (@Sendable () -> Void)?)
        /// Every connection is processing a request.
        case refused
    }

    private struct Entry {
        var activity: ConnectionActivity
        var evict: @Sendable () -> Void
    }

    private struct Connections {
        var entries: [Int: Entry] = [:]
        var nextID = 0
    }

    let limit: Int
    private let connections = Mutex(Connections())

    init(limit: Int) {
        self.limit = limit
    }

    /// Connections registered now.
    var count: Int { connections.withLock { $0.entries.count } }

    /// Registers a new connection that is waiting for its first request head.
    /// - Parameter evict: asks the new connection to close; kept for when it must make room.
    func admit(now: NIODeadline, evict: @escaping @Sendable () -> Void) -> Admission {
        connections.withLock { connections in
            var victim: (@Sendable () -> Void)?
            if connections.entries.count >= limit {
                guard let victimID = Self.victim(among: connections.entries.lazy.map { ($0.key, $0.value.activity) }) else {
                    return .refused
                }
                victim = connections.entries.removeValue(forKey: victimID)?.evict
            }
            let id = connections.nextID
            connections.nextID += 1
            connections.entries[id] = Entry(activity: .awaitingHead(since: now), evict: evict)
            return .admitted(id: id, evicting: victim)
        }
    }

    /// Records what a connection does now; ignored for one no longer registered (closed, or
    /// already asked to make room).
    func update(_ id: Int, activity: ConnectionActivity) {
        connections.withLock { connections in
            connections.entries[id]?.activity = activity
        }
    }

    func remove(_ id: Int) {
        _ = connections.withLock { $0.entries.removeValue(forKey: id) }
    }

    /// The connection to close to make room: the lowest eviction rank, the oldest within it;
    /// nil when every connection is processing.
    static func victim(among connections: some Sequence<(Int, ConnectionActivity)>) -> Int? {
        var best: (id: Int, rank: Int, since: NIODeadline)?
        for (id, activity) in connections {
            guard let order = activity.evictionOrder else { continue }
            if let current = best, (current.rank, current.since, current.id) <= (order.rank, order.since, id) { continue }
            best = (id, order.rank, order.since)
        }
        return best?.id
    }
}
