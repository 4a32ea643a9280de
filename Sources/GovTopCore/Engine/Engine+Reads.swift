import Synchronization

/// Reading the engine: each method takes the lock once and returns one immutable value, so
/// everything a reader shows (an API response, a scrape, a frame) is of the same moment. Work that
/// needs no shared state — decoding stored spans, matching attribute filters — happens after the
/// lock is released.
extension Engine {
    public func summary() -> Summary {
        let now = clock.now()
        return state.withLock { summary(of: $0, now: now) }
    }

    /// `/api/v1/summary`: totals, rates and active alerts.
    public func summarySnapshot() -> SummarySnapshot {
        let now = clock.now()
        return state.withLock { state in
            SummarySnapshot(summary: summary(of: state, now: now), rates: state.ledger.rates(now: now),
                            alertCounts: state.alerts.counts())
        }
    }

    /// Everything `/metrics` shows.
    public func metrics() -> MetricsSnapshot {
        let now = clock.now()
        return state.withLock { state in
            MetricsSnapshot(summary: summary(of: state, now: now), series: state.ledger.metricSeries(),
                            durations: state.ledger.durations, budgets: state.budgetStatuses(now: now),
                            alertCounts: state.alerts.counts())
        }
    }

    /// Every group of a dimension, most expensive first.
    public func groups(by dimension: Dimension) -> [GroupRow] {
        groupsSnapshot(by: dimension).rows
    }

    /// `/api/v1/groups`: every group of a dimension and what folded into `(other)`.
    public func groupsSnapshot(by dimension: Dimension) -> GroupsSnapshot {
        let now = clock.now()
        return state.withLock { state in
            GroupsSnapshot(dimension: dimension, rows: state.fleet.rows(state.ledger.rows(dimension, now: now), dimension: dimension),
                           folded: state.ledger.tables.first { $0.dimension == dimension }?.foldedContributions ?? 0,
                           metered: state.meteredGroups(dimension)) // metrics
        }
    }

    /// Configured budgets in configuration order, then budgets reported in telemetry by name.
    public func budgets() -> [BudgetStatus] {
        let now = clock.now()
        return state.withLock { $0.budgetStatuses(now: now) }
    }

    /// All alerts, newest first.
    public func alerts() -> [Alert] {
        state.withLock { $0.alerts.alerts() }
    }

    /// `/api/v1/alerts`: the alert log with its counts.
    public func alertsSnapshot() -> AlertsSnapshot {
        state.withLock { state in
            AlertsSnapshot(alerts: state.alerts.alerts(), counts: state.alerts.counts(), bellRings: state.bellRings,
                           dropped: state.alerts.droppedCount)
        }
    }

    /// `/api/v1/policies`: violations per policy (telemetry and local rules) by result, type and
    /// team, and evaluation results per metric and team.
    public func policiesSnapshot() -> PoliciesSnapshot {
        state.withLock { PoliciesSnapshot(policies: $0.policyStats.snapshot(), evaluations: $0.evaluationStats.snapshot()) }
    }

    /// Acknowledges an alert; returns it as acknowledged, or nil when there is no alert with this id.
    @discardableResult
    public func acknowledgeAlert(id: String) -> Alert? {
        state.withLock { state in
            guard state.alerts.acknowledge(id: id) else { return nil }
            return state.alerts.alerts().first { $0.id == id }
        }
    }

    /// Removes resolved alerts from the log; returns how many.
    @discardableResult
    public func clearResolvedAlerts() -> Int {
        state.withLock { $0.alerts.clearResolved() }
    }

    /// Newest traces first.
    public func traces(_ query: TraceQuery) -> [TraceSummary] {
        state.withLock { $0.store.traceSummaries(query) }.finish().traces
    }

    /// One page of the trace list in any order, with the number of matching traces.
    public func tracePage(_ query: TraceQuery) -> TracePage {
        state.withLock { $0.store.readTracePage(query) }.finish()
    }

    /// Every stored span of a trace, or nil when the store holds none of it.
    public func trace(_ id: TraceID) -> TraceDetail? {
        let (spans, logs) = state.withLock { ($0.store.spans(of: id), $0.logs.records(of: id)) } // metrics: and its logs
        return TraceDetail(spans, id: id)?.attaching(logs) // metrics
    }

    /// The state's summary with the counters kept outside the lock.
    func summary(of state: borrowing EngineState, now: UInt64) -> Summary {
        var summary = state.summary(now: now)
        summary.metricPointsReceived = metricPoints.load(ordering: .relaxed)
        summary.logRecordsReceived = logRecords.load(ordering: .relaxed)
        summary.metering = state.meteringSnapshot() // metrics
        summary.logStore = state.logs.status // metrics
        return summary
    }
}

extension TraceDetail {
    /// The trace from its stored spans (copied out under the lock, decoded here); nil when none.
    init?(_ stored: [StoredSpanCopy], id: TraceID) {
        guard !stored.isEmpty else { return nil }
        self.init(traceID: id, spans: stored.map { span in
            // The span's facts are read again for the values rejected at the door (outside the lock).
            SpanView(record: span.record, origin: span.origin, cost: span.cost,
                     inputTokens: Int64(span.inputTokens), outputTokens: Int64(span.outputTokens),
                     policyViolations: Int(span.policyViolations), evalFailures: Int(span.evalFailures),
                     invalidValues: span.decodedFacts.invalidValues)
        })
    }
}
