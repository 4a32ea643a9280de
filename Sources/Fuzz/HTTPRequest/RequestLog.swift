@testable import GovTopReceiver

/// What the server side of one connection saw, in order: every request head with the route
/// govtop chose for it, the body bytes of each request, and how the connection ended.
struct RequestLog: Equatable {
    enum Event: Equatable {
        case head(RequestHead, route: String)
        case body(bytes: Int)
        case end
        case error(String)
    }

    private(set) var events: [Event] = []

    mutating func append(_ event: Event) {
        // How the body arrives in chunks depends on how the bytes were split into reads; its size does not.
        if case .body(let more) = event, case .body(let bytes)? = events.last {
            events[events.count - 1] = .body(bytes: bytes + more)
        } else {
            events.append(event)
        }
    }
}
