import NIOCore

/// What a connection is doing, as the connection registry sees it when it must make room.
enum ConnectionActivity: Sendable, Equatable {
    /// Answered with `Connection: close`; waiting for the peer to close.
    case lingering(since: NIODeadline)
    /// Kept alive between requests.
    case idle(since: NIODeadline)
    /// Waiting for a complete request head, since the connection opened or the head's first byte.
    case awaitingHead(since: NIODeadline)
    /// Receiving a request body.
    case receivingBody(since: NIODeadline)
    /// A worker is producing the response. Such a connection is never closed to make room.
    case processing

    /// The order in which connections are closed to make room, with the oldest first within a
    /// rank; nil for a connection that is never closed to make room.
    var evictionOrder: (rank: Int, since: NIODeadline)? {
        switch self {
        case .lingering(let since): (0, since)
        case .idle(let since): (1, since)
        case .awaitingHead(let since): (2, since)
        case .receivingBody(let since): (3, since)
        case .processing: nil
        }
    }
}

/// Sent through a connection's pipeline to ask it to close to make room for a new connection.
/// A connection that is processing a request finishes it first and then closes.
struct ConnectionEvictionRequest: Sendable {}
