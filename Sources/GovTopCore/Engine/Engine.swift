import Synchronization

/// The one owner of govtop's state: the span store and the ledger behind one lock. Receivers hand
/// it decoded batches; the API, metrics and the UI read from it. Normalization and compaction happen
/// before the lock is taken, so the critical section is a few O(1) updates per span.
public final class Engine: Sendable {
    private let state: Mutex<EngineState>
    private let clock: GovClock
    private let startedAt: UInt64

    public init(configuration: EngineConfiguration = EngineConfiguration(), clock: GovClock = .system) {
        self.clock = clock
        self.startedAt = clock.now()
        self.state = Mutex(EngineState(configuration: configuration))
    }

    /// Normalizes, stores and counts a decoded batch.
    @discardableResult
    public func ingest(_ batch: TraceBatch) -> IngestResult {
        let prepared = batch.resourceSpans.map(PreparedResource.init)
        let accepted = prepared.reduce(0) { $0 + $1.spanCount }
        state.withLock { state in
            state.received += accepted + batch.rejectedSpans
            state.rejected += batch.rejectedSpans
            for resource in prepared { state.insert(resource) }
        }
        return IngestResult(accepted: accepted, rejected: batch.rejectedSpans)
    }

    public func recordMetricPoints(_ count: Int) {
        state.withLock { $0.metricPoints += count }
    }

    public func recordLogRecords(_ count: Int) {
        state.withLock { $0.logRecords += count }
    }

    public func summary() -> Summary {
        let uptime = Double(clock.now() &- startedAt) / 1e9
        return state.withLock { state in
            var summary = Summary()
            summary.spansReceived = state.received
            summary.spansRejected = state.rejected
            summary.spansStored = state.store.spanCount
            summary.spansEvicted = state.store.evicted
            summary.tracesStored = state.store.traceCount
            summary.storeBytes = state.store.bytesHeld
            summary.requestsTotal = state.totals.requests
            summary.costUSDTotal = state.totals.costUSD
            summary.inputTokensTotal = state.totals.inputTokens
            summary.outputTokensTotal = state.totals.outputTokens
            summary.unpricedRequestsTotal = state.totals.unpricedRequests
            summary.policyViolationsTotal = state.totals.policyViolations
            summary.evalFailuresTotal = state.totals.evalFailures
            summary.metricPointsReceived = state.metricPoints
            summary.logRecordsReceived = state.logRecords
            summary.uptimeSeconds = max(0, uptime)
            return summary
        }
    }

    /// Newest traces first.
    public func traces(_ query: TraceQuery) -> [TraceSummary] {
        state.withLock { $0.store.traceSummaries(query) }
    }

    /// Every stored span of a trace, or nil when the store holds none of it.
    public func trace(_ id: TraceID) -> TraceDetail? {
        let stored = state.withLock { $0.store.spans(of: id) }
        guard !stored.isEmpty else { return nil }
        let spans = stored.map { span in
            SpanView(record: span.record, origin: span.origin, costUSD: span.costUSD,
                     inputTokens: Int64(span.inputTokens), outputTokens: Int64(span.outputTokens))
        }
        return TraceDetail(traceID: id, spans: spans)
    }
}

/// State guarded by the engine's lock.
struct EngineState {
    var store: SpanStore
    var totals = Totals()
    var received = 0
    var rejected = 0
    var metricPoints = 0
    var logRecords = 0

    init(configuration: EngineConfiguration) {
        store = SpanStore(limits: configuration.store)
    }

    mutating func insert(_ resource: PreparedResource) {
        for group in resource.groups {
            let origin = store.origin(resource: resource.resource, scope: group.scope)
            for span in group.spans {
                totals.add(span.facts, cost: span.cost)
                store.insert(span.stored(origin: origin), facts: span.facts)
            }
        }
    }
}
