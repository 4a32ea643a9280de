/// An AWU that broke a rule: where to look.
public struct ConformanceExample: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID

    public init(traceID: TraceID, spanID: SpanID) {
        self.traceID = traceID
        self.spanID = spanID
    }
}
