/// fleet (issue 16): what this instance's claims for fleet-wide notifications did, for
/// `GET /api/v1/notifications` (`fleet`): nil outside a fleet.
public struct FleetClaimStatus: Sendable, Hashable {
    /// The most notifications kept in `recentElsewhere`.
    public static let recentCapacity = 16

    /// This instance's name in the fleet.
    public var instance: String
    /// Claims won: this instance notified.
    public var won = 0
    /// Claims another instance had won: notified by another instance, not by this one.
    public var notifiedElsewhere = 0
    /// Notifications delivered without a claim, because the shared ledger did not answer in time.
    public var deliveredUnclaimed = 0
    /// Notifications waiting for their claim.
    public var pending = 0
    /// Claims that got no answer, and the last error.
    public var failedAttempts = 0
    public var lastError: String?
    public var lastErrorAt: UInt64?
    /// The latest notifications another instance sent, newest last.
    public var recentElsewhere: [NotifiedElsewhere] = []

    public init(instance: String) {
        self.instance = instance
    }

    /// Counts a notification another instance sent, and keeps it among the recent ones.
    public mutating func recordElsewhere(_ entry: NotifiedElsewhere) {
        notifiedElsewhere += 1
        if recentElsewhere.count >= Self.recentCapacity { recentElsewhere.removeFirst() }
        recentElsewhere.append(entry)
    }
}

/// A notification this instance left to another: which sink, which alert, which event, who sent it.
public struct NotifiedElsewhere: Sendable, Hashable {
    public var sink: String
    public var alertID: String
    public var kind: AlertKind
    public var subject: String
    public var event: NotificationEvent.Reason
    public var by: String
    public var at: UInt64

    public init(sink: String, alertID: String, kind: AlertKind, subject: String, event: NotificationEvent.Reason, by: String, at: UInt64) {
        self.sink = sink
        self.alertID = alertID
        self.kind = kind
        self.subject = subject
        self.event = event
        self.by = ControlCharacters.replaced(in: by)
        self.at = at
    }
}
