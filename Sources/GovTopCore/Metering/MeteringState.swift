/// What the engine keeps about metrics: the cumulative streams it follows and the metered usage
/// per group. Behind the engine's lock.
struct MeteringState {
    /// Most cumulative metering streams followed at once (see `MetricStreamTable`).
    static let defaultMaxStreams = 10_000

    var streams: MetricStreamTable
    var table: MeteringTable

    init(maxGroups: Int, maxStreams: Int = defaultMaxStreams, startedAt: UInt64) {
        streams = MetricStreamTable(capacity: maxStreams, observedSince: startedAt)
        table = MeteringTable(maxGroups: maxGroups)
    }

    /// The usage a reading adds after its stream made it a delta; nil when it adds none.
    /// `price` turns tokens into dollars (nil when the resource reports its cost itself).
    mutating func usage(of reading: MeteringReader.Reading,
                        price: ((GovernanceFacts, Int64, Int64) -> Money?)?) -> MeteredUsage? {
        guard let delta = streams.delta(reading.key, reading.reading, temporality: reading.temporality,
                                        isMonotonic: reading.isMonotonic),
              delta.value.isFinite, delta.value > 0 else { return nil }
        var usage = MeteredUsage(facts: reading.facts)
        switch reading.measure {
        case .costUSD:
            guard let cost = Money(usd: delta.value, limit: ValueBounds.maxBudgetUSD) else { return nil }
            usage.cost = cost
            return usage
        case .inputTokens:
            usage.inputTokens = Int64(min(delta.value.rounded(), Double(ValueBounds.maxTokens)))
        case .outputTokens:
            usage.outputTokens = Int64(min(delta.value.rounded(), Double(ValueBounds.maxTokens)))
        }
        if let price {
            if let cost = price(reading.facts, usage.inputTokens, usage.outputTokens) {
                usage.cost = cost
            } else {
                usage.unpricedTokens = usage.tokens
            }
        }
        return usage
    }
}

/// Everything metered, per group of one dimension and in total, read in one lock acquisition
/// with the traced totals it is compared with.
public struct MeteringSnapshot: Sendable, Hashable {
    public var totals = MeteredTotals()
    /// Input plus output tokens seen in spans.
    public var tracedTokens: Int128 = 0
    /// Cumulative streams followed.
    public var streams = 0
    /// Readings of new streams refused because the stream table was full (`metric_streams_dropped`).
    public var streamsDropped = 0
    /// Cumulative resets recognized.
    public var resets = 0

    public init() {}

    init(totals: MeteredTotals, tracedTokens: Int128, streams: Int, streamsDropped: Int, resets: Int) {
        self.totals = totals
        self.tracedTokens = tracedTokens
        self.streams = streams
        self.streamsDropped = streamsDropped
        self.resets = resets
    }

    /// Traced tokens ÷ metered tokens; nil when nothing is metered.
    public var coverage: Double? { totals.coverage(tracedTokens: tracedTokens) }
}
