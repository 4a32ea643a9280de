import NIOCore

/// The logic of one OTLP/gRPC (HTTP/2) connection, without I/O: the deadlines that apply to the
/// connection as a whole and what the connection registry sees of it. Each stream keeps its own
/// deadline (`GRPCStreamStateMachine`).
///
/// - The client's connection preface and first SETTINGS frame must arrive `headerTimeout` after
///   the connection opened, however the bytes are spread out.
/// - A connection with no open stream for `idleTimeout` is sent GOAWAY and closed.
/// - Asked to make room for a new connection, it closes at once unless a worker is exporting one
///   of its calls; then it sends GOAWAY (no new calls) and closes once its calls are answered
///   (those still receiving end by their own deadlines at the latest).
struct GRPCConnectionStateMachine {
    enum Action: Equatable {
        /// Run the deadline check (`deadlinePassed`) at this time, replacing any timer set before.
        case setTimer(NIODeadline)
        case cancelTimer
        /// Tell the peer no new streams will be served (GOAWAY, NO_ERROR).
        case goAway
        case close
        /// Tell the connection registry what the connection is doing now.
        case report(ConnectionActivity)
    }

    private enum Phase {
        case unopened
        case awaitingPreface(since: NIODeadline)
        case open
        /// GOAWAY sent: closes when the last stream is done.
        case goingAway(since: NIODeadline)
        case closed
    }

    let limits: ConnectionStateMachine.Limits
    private var phase = Phase.unopened
    private var streams: [Int: GRPCStreamPhase] = [:]
    /// When the connection last had no open stream (idle), or when its oldest stream opened (busy).
    private var since = NIODeadline.uptimeNanoseconds(0)
    private var reported: ConnectionActivity?

    init(limits: ConnectionStateMachine.Limits) {
        self.limits = limits
    }

    // MARK: Events

    mutating func opened(now: NIODeadline) -> [Action] {
        guard case .unopened = phase else { return [] }
        phase = .awaitingPreface(since: now)
        return [.setTimer(now + limits.headerTimeout)] + report()
    }

    /// The client's first SETTINGS frame arrived: the HTTP/2 preface is complete.
    mutating func prefaceReceived(now: NIODeadline) -> [Action] {
        guard case .awaitingPreface = phase else { return [] }
        phase = .open
        return becameIdleIfQuiet(now: now)
    }

    /// A stream changed phase (opened, started processing, was answered or closed).
    mutating func stream(_ id: Int, is streamPhase: GRPCStreamPhase, now: NIODeadline) -> [Action] {
        switch phase {
        case .unopened, .closed: return []
        case .awaitingPreface: phase = .open
        case .open, .goingAway: break
        }
        let wasQuiet = streams.isEmpty
        if streamPhase == .done {
            guard streams.removeValue(forKey: id) != nil else { return [] }
        } else {
            streams[id] = streamPhase
        }
        if streams.isEmpty {
            if case .goingAway = phase { return closeNow() }
            return becameIdleIfQuiet(now: now)
        }
        var actions: [Action] = []
        if wasQuiet {
            since = now
            actions.append(.cancelTimer)
        }
        return actions + report()
    }

    /// A timer set by `setTimer` fired.
    mutating func deadlinePassed(now: NIODeadline) -> [Action] {
        let deadline: NIODeadline
        switch phase {
        case .awaitingPreface(let opened): deadline = opened + limits.headerTimeout
        case .open where streams.isEmpty: deadline = since + limits.idleTimeout
        case .unopened, .open, .goingAway, .closed: return []
        }
        guard now >= deadline else { return [.setTimer(deadline)] }
        if case .open = phase { return [.goAway] + closeNow() }
        return closeNow()
    }

    /// The registry closes this connection to make room for a new one.
    mutating func evictionRequested(now: NIODeadline) -> [Action] {
        switch phase {
        case .closed, .goingAway: return []
        case .unopened, .awaitingPreface: return closeNow()
        case .open:
            guard streams.values.contains(.processing) else { return [.goAway] + closeNow() }
            phase = .goingAway(since: now)
            // Calls still receiving are ended by their own deadlines at the latest.
            return [.goAway] + report()
        }
    }

    /// HTTP/2 reported a protocol error (NIOHTTP2Handler has sent GOAWAY or RST_STREAM already):
    /// the connection closes once its calls are answered, at once if it has none.
    mutating func protocolError(now: NIODeadline) -> [Action] {
        switch phase {
        case .closed, .goingAway: return []
        case .unopened, .awaitingPreface: return closeNow()
        case .open:
            guard !streams.isEmpty else { return closeNow() }
            phase = .goingAway(since: now)
            return report()
        }
    }

    mutating func closed() -> [Action] {
        phase = .closed
        streams = [:]
        return [.cancelTimer]
    }

    /// What the connection registry sees.
    var activity: ConnectionActivity? {
        switch phase {
        case .unopened, .closed: nil
        case .awaitingPreface(let since): .awaitingHead(since: since)
        case .goingAway(let sent): streams.values.contains(.processing) ? .processing : .lingering(since: sent)
        case .open:
            if streams.isEmpty { .idle(since: since) }
            else if streams.values.contains(.processing) { .processing }
            else { .receivingBody(since: since) }
        }
    }

    // MARK: Transitions

    private mutating func becameIdleIfQuiet(now: NIODeadline) -> [Action] {
        guard streams.isEmpty else { return report() }
        since = now
        return [.setTimer(now + limits.idleTimeout)] + report()
    }

    private mutating func closeNow() -> [Action] {
        phase = .closed
        return [.cancelTimer, .close]
    }

    /// A report when the activity changed.
    private mutating func report() -> [Action] {
        guard let activity, activity != reported else { return [] }
        reported = activity
        return [.report(activity)]
    }
}
