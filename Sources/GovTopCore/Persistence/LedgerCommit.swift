/// One batch for the store: the buckets' deltas since the last commit, and the latest state of the
/// budgets and the alert log (absolute, not deltas, and only when they changed).
public struct LedgerCommit: Sendable {
    public var buckets: [LedgerBucketDelta]
    /// Which pricing table priced the costs in `buckets` (`PricingFingerprint`).
    public var pricingID: String
    public var budgets: [BudgetPeriodRecord]
    /// Nil when the alert log did not change.
    public var alerts: AlertLogRecord?
    /// fleet (issue 16): the writer's number for this batch (from 1, per writer; 0: none). A store that
    /// can lose the answer to a commit it applied (a database over the network) records it in the same
    /// transaction and skips a batch it already applied, so the writer's retry never counts it twice.
    public var sequence: UInt64 = 0

    public init(buckets: [LedgerBucketDelta] = [], pricingID: String = "", budgets: [BudgetPeriodRecord] = [],
                alerts: AlertLogRecord? = nil) {
        self.buckets = buckets
        self.pricingID = pricingID
        self.budgets = budgets
        self.alerts = alerts
    }

    public var isEmpty: Bool { buckets.isEmpty && budgets.isEmpty && alerts == nil }

    /// Folds a later commit into this one (a batch that could not be written waits for the next).
    public mutating func merge(_ later: LedgerCommit) {
        var index = [LedgerBucketKey: Int](minimumCapacity: buckets.count)
        for (position, delta) in buckets.enumerated() { index[delta.key] = position }
        for delta in later.buckets {
            if let position = index[delta.key] {
                buckets[position].amounts.add(delta.amounts)
            } else {
                index[delta.key] = buckets.count
                buckets.append(delta)
            }
        }
        if !later.pricingID.isEmpty { pricingID = later.pricingID }
        var byName = [String: Int]()
        for (position, record) in budgets.enumerated() { byName[record.name] = position }
        for record in later.budgets {
            if let position = byName[record.name] { budgets[position] = record } else { budgets.append(record) }
        }
        if let alerts = later.alerts { self.alerts = alerts }
    }
}

/// A configured budget's consumption in one period.
public struct BudgetPeriodRecord: Sendable, Hashable {
    public var name: String
    /// `hourly`, `daily`, `weekly`, `monthly`, or a rolling window such as `24h`.
    public var period: String
    public var window: BudgetWindow
    public var consumed: Money
    /// The spend of the budget's last minutes, so its burn rate goes on after a restart.
    public var burn: BurnRecord
    /// decide (issue 15): a rolling budget's spend per slice of its window; nil for calendar periods.
    /// Rolling budgets are recorded under the window [0, 0), so a store keeps one row for them.
    public var rolling: RollingRecord?

    public init(name: String, period: String, window: BudgetWindow, consumed: Money, burn: BurnRecord = BurnRecord(),
                rolling: RollingRecord? = nil) {
        self.name = name
        self.period = period
        self.window = window
        self.consumed = consumed
        self.burn = burn
        self.rolling = rolling
    }
}

/// A budget's recent spend per minute (Unix minutes), and since when spend was observed.
public struct BurnRecord: Sendable, Hashable {
    public var observedSince: UInt64
    public var minutes: [BurnMinute]

    public init(observedSince: UInt64 = .max, minutes: [BurnMinute] = []) {
        self.observedSince = observedSince
        self.minutes = minutes
    }

    /// The text the SQLite store keeps: `since;minute:nanos,minute:nanos`.
    public var encoded: String {
        "\(observedSince);" + minutes.map { "\($0.minute):\($0.amount.nanos)" }.joined(separator: ",")
    }

    /// The longest text a record of the burn meter's 16 minutes encodes to (each at most a 20-digit
    /// minute and a 40-character amount); stores read no more than one byte beyond it.
    public static let maxEncodedBytes = 21 + 16 * 62

    /// Nil for malformed text, text longer than any record govtop writes, or a negative amount (spend
    /// is never negative: a store that holds one was changed by another program).
    public init?(encoded text: String) {
        guard text.utf8.count <= Self.maxEncodedBytes else { return nil }
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        guard parts.count == 2, let since = UInt64(parts[0]) else { return nil }
        var minutes: [BurnMinute] = []
        for item in parts[1].split(separator: ",") {
            let pair = item.split(separator: ":")
            guard pair.count == 2, let minute = UInt64(pair[0]), let nanos = Int128(String(pair[1])), nanos >= 0 else { return nil }
            minutes.append(BurnMinute(minute: minute, amount: Money(nanos: nanos)))
        }
        self.init(observedSince: since, minutes: minutes)
    }
}

/// Spend in one minute.
public struct BurnMinute: Sendable, Hashable {
    public var minute: UInt64
    public var amount: Money

    public init(minute: UInt64, amount: Money) {
        self.minute = minute
        self.amount = amount
    }
}

/// One alert with what the alert book needs to go on with it after a restart.
public struct AlertRecord: Sendable, Hashable {
    public var alert: Alert
    /// Order of creation (`alert.id` is `a<number>`).
    public var number: UInt64
    /// When the alert's current severity was last observed.
    public var severitySeenAt: UInt64

    public init(alert: Alert, number: UInt64, severitySeenAt: UInt64) {
        self.alert = alert
        self.number = number
        self.severitySeenAt = severitySeenAt
    }
}

/// The whole alert log: its alerts (acknowledgements included) and its counters.
public struct AlertLogRecord: Sendable, Hashable {
    public var alerts: [AlertRecord]
    /// The number the next new alert gets, so ids are never reused across restarts.
    public var nextNumber: UInt64
    public var droppedCount: Int

    public init(alerts: [AlertRecord], nextNumber: UInt64, droppedCount: Int) {
        self.alerts = alerts
        self.nextNumber = nextNumber
        self.droppedCount = droppedCount
    }
}

/// What a store gives back at start-up.
public struct LedgerRestore: Sendable {
    /// Totals of all spend and of every group, groups in the order they first appeared.
    public var totals: Totals
    public var groups: [(series: LedgerSeries, totals: Totals)]
    /// The latest period recorded for each budget, by name.
    public var budgets: [BudgetPeriodRecord]
    public var alerts: AlertLogRecord?

    public init(totals: Totals = Totals(), groups: [(series: LedgerSeries, totals: Totals)] = [],
                budgets: [BudgetPeriodRecord] = [], alerts: AlertLogRecord? = nil) {
        self.totals = totals
        self.groups = groups
        self.budgets = budgets
        self.alerts = alerts
    }
}
