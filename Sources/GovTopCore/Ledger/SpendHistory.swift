/// Spend over time as the dashboard's chart draws it: the last hour per minute and the last 24
/// hours per 15 minutes, each with all spend and the teams that spent most. Exact amounts.
public struct SpendHistory: Sendable, Hashable {
    public var hour: SpendWindow
    public var day: SpendWindow

    public init(hour: SpendWindow = SpendWindow(resolutionSeconds: 60), day: SpendWindow = SpendWindow(resolutionSeconds: 900)) {
        self.hour = hour
        self.day = day
    }
}

/// Spend in equal buckets ending with the one that holds the snapshot's `now`, oldest first.
public struct SpendWindow: Sendable, Hashable {
    /// One team's spend per bucket.
    public struct Team: Sendable, Hashable {
        public var name: String
        public var amounts: [Money]

        public init(name: String, amounts: [Money]) {
            self.name = name
            self.amounts = amounts
        }
    }

    public var resolutionSeconds: Int
    /// Unix nanoseconds at which the newest bucket began.
    public var newestBucketStart: UInt64
    /// All spend per bucket.
    public var total: [Money]
    /// The teams that spent most in the window, most first.
    public var teams: [Team]

    public init(resolutionSeconds: Int, newestBucketStart: UInt64 = 0, total: [Money] = [], teams: [Team] = []) {
        self.resolutionSeconds = resolutionSeconds
        self.newestBucketStart = newestBucketStart
        self.total = total
        self.teams = teams
    }
}
