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
    public var team: String?
    public var models: [String]
    public var errors: Int
    public var policyViolations: Int
    public var evalFailures: Int
    /// Whether the root span has arrived.
    public var hasRoot: Bool
}

/// Which traces to list.
public struct TraceQuery: Sendable, Hashable {
    public var limit: Int
    public var team: String?
    public var model: String?
    public var service: String?

    public init(limit: Int = 100, team: String? = nil, model: String? = nil, service: String? = nil) {
        self.limit = limit
        self.team = team
        self.model = model
        self.service = service
    }

    func matches(_ summary: TraceSummary) -> Bool {
        if let team, summary.team != team { return false }
        if let model, !summary.models.contains(model) { return false }
        if let service, summary.service != service { return false }
        return true
    }
}

/// Every stored span of one trace, in arrival order.
public struct TraceDetail: Sendable {
    public var traceID: TraceID
    public var spans: [SpanView]
}

/// A stored span with where it came from.
public struct SpanView: Sendable {
    public var record: SpanRecord
    public var origin: SpanOrigin
    public var costUSD: Double
    public var inputTokens: Int64
    public var outputTokens: Int64

    public var resource: Resource { origin.resource }
    public var scope: InstrumentationScope { origin.scope }
    public var service: String { origin.service }
}
