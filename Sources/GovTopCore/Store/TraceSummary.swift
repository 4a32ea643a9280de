/// One line of the trace list: a trace summarized without reading its spans.
public struct TraceSummary: Sendable, Hashable {
    public var traceID: TraceID
    /// The root span's name, or the first span's while the root has not arrived.
    public var rootName: String
    public var service: String
    public var startTimeUnixNano: UInt64
    public var durationNanos: UInt64
    /// Spans of the trace still held by the store.
    public var spanCount: Int
    public var costUSD: Double
    public var inputTokens: Int64
    public var outputTokens: Int64
    /// The trace's attribution: its root's once the root has arrived.
    public var attribution: Attribution
    public var models: [String]
    public var providers: [String]
    public var errors: Int
    public var policyViolations: Int
    public var evalFailures: Int
    /// Whether the root span has arrived.
    public var hasRoot: Bool

    public var team: String? { attribution.team }
    public var durationMs: Double { Double(durationNanos) / 1e6 }
    public var tokens: Int64 { inputTokens + outputTokens }
}

/// Which traces to list, in which order.
public struct TraceQuery: Sendable {
    public var limit: Int
    /// Rows to skip in the chosen order (for paging).
    public var offset: Int
    public var team: String?
    public var model: String?
    public var service: String?
    public var order: TraceOrder
    /// Largest first when false (newest, most expensive, longest); smallest first when true.
    public var ascending: Bool
    /// Any further condition (the dashboard's filter).
    public var predicate: (@Sendable (TraceSummary) -> Bool)?
    /// A condition that also needs span attributes: it gets a lookup of the values an attribute
    /// key has on the trace's stored spans (and their resources). Costs a decode of each
    /// candidate trace's spans (after the engine's lock is released: the store only hands out
    /// their bytes), so it is only set when the filter names attributes.
    public var attributePredicate: (@Sendable (TraceSummary, (String) -> [AttributeValue]) -> Bool)?

    public init(limit: Int = 100, offset: Int = 0, team: String? = nil, model: String? = nil, service: String? = nil,
                order: TraceOrder = .time, ascending: Bool = false, predicate: (@Sendable (TraceSummary) -> Bool)? = nil) {
        self.limit = limit
        self.offset = offset
        self.team = team
        self.model = model
        self.service = service
        self.order = order
        self.ascending = ascending
        self.predicate = predicate
    }

    func matches(_ summary: TraceSummary) -> Bool {
        if let team, summary.team != team { return false }
        if let model, !summary.models.contains(model) { return false }
        if let service, summary.service != service { return false }
        return predicate?(summary) ?? true
    }
}

/// Orders of the trace list.
public enum TraceOrder: String, CaseIterable, Sendable, Hashable {
    /// By arrival of the trace's first span.
    case time
    case cost, duration, tokens

    /// The sort key (for `time`, the caller's arrival order is used instead).
    func key(_ summary: TraceSummary) -> Double {
        key(start: summary.startTimeUnixNano, cost: summary.costUSD, duration: summary.durationNanos, tokens: summary.tokens)
    }

    /// The same key read straight from the store's entry, without building a summary.
    func key(_ entry: TraceEntry) -> Double {
        key(start: entry.startTimeUnixNano, cost: entry.cost.usd, duration: entry.durationNanos,
                   tokens: entry.inputTokens + entry.outputTokens)
    }

    private func key(start: UInt64, cost: Double, duration: UInt64, tokens: Int64) -> Double {
        switch self {
        case .time: Double(start)
        case .cost: cost
        case .duration: Double(duration)
        case .tokens: Double(tokens)
        }
    }
}

/// A page of the trace list and how many traces matched in all.
public struct TracePage: Sendable {
    public var traces: [TraceSummary]
    public var matched: Int
}

/// Every stored span of one trace, in arrival order.
public struct TraceDetail: Sendable {
    public var traceID: TraceID
    public var spans: [SpanView]
    /// Log records of the trace whose span is not stored (or that name no span). // metrics
    public var unattachedLogs: [StoredLog] = []
}

/// A stored span with where it came from.
public struct SpanView: Sendable {
    public var record: SpanRecord
    public var origin: SpanOrigin
    /// The span's cost (reported or estimated); zero when none.
    public var cost: Money
    public var inputTokens: Int64
    public var outputTokens: Int64
    /// Policy violations of the span: reported in telemetry and found by local rules.
    public var policyViolations: Int
    public var evalFailures: Int
    /// Attribute keys whose values were rejected at the door (see `ValueBounds`); not counted.
    public var invalidValues: [String] = []
    /// Log records tied to this span, oldest first. // metrics
    public var logs: [StoredLog] = []

    public var costUSD: Double { cost.usd }
    public var resource: Resource { origin.resource }
    public var scope: InstrumentationScope { origin.scope }
    public var service: String { origin.service }
}
