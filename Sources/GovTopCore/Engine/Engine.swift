import Synchronization

/// The one owner of govtop's state: the span store and the ledger behind one lock. Receivers hand
/// it decoded batches; the API, metrics and the UI read from it. Normalization and compaction happen
/// before the lock is taken, so the critical section is a few O(1) updates per span.
public final class Engine: Sendable {
    let state: Mutex<EngineState>
    let clock: GovClock
    /// Nil when governance is off.
    private let governance: Governance?

    public init(configuration: EngineConfiguration = EngineConfiguration(), clock: GovClock = .system) {
        self.clock = clock
        let policies = Engine.compilePolicies(configuration.policies)
        self.governance = configuration.governance
            ? Governance(pricing: configuration.pricing, policies: policies) : nil
        self.state = Mutex(EngineState(configuration: configuration, startedAt: clock.now(), policies: policies))
    }

    /// Normalizes, stores and counts a decoded batch.
    ///
    /// - Parameter verbatimSource: bytes in which every string of the batch appears verbatim (the
    ///   OTLP/protobuf body it was decoded from; not JSON, whose strings may be escaped). When none
    ///   of the pattern rules' literals occurs in them, the spans are not screened one by one.
    @discardableResult
    public func ingest(_ batch: TraceBatch, verbatimSource: UnsafeRawBufferPointer? = nil) -> IngestResult {
        var pass = governance.map { governance in
            GovernancePass(governance, scanPatterns: verbatimSource.map { governance.policies.mightMatch(verbatim: $0) }
                                                      ?? governance.policies.hasPatternRules)
        }
        let prepared = batch.resourceSpans.map { PreparedResource($0, governance: &pass) }
        let accepted = prepared.reduce(0) { $0 + $1.spanCount }
        let now = clock.now()
        state.withLock { state in
            state.received += accepted + batch.rejectedSpans
            state.rejected += batch.rejectedSpans
            state.nullItemsDropped += batch.nullItemsDropped
            for resource in prepared { state.insert(resource, at: now) }
            state.ledger.finishBatch()
        }
        return IngestResult(accepted: accepted, rejected: batch.rejectedSpans)
    }

    public func recordMetricPoints(_ count: Int) {
        state.withLock { $0.metricPoints += count }
    }

    public func recordLogRecords(_ count: Int) {
        state.withLock { $0.logRecords += count }
    }

    /// Counts an export the receiver refused with `503` before decoding it (load shedding).
    public func recordShedRequest(_ reason: ShedReason) {
        state.withLock { $0.requestsShed[reason, default: 0] += 1 }
    }

    public func summary() -> Summary {
        let now = clock.now()
        return state.withLock { $0.summary(now: now) }
    }

    /// Everything `/metrics` shows, consistent with one moment.
    public func metrics() -> MetricsSnapshot {
        let now = clock.now()
        return state.withLock { state in
            MetricsSnapshot(summary: state.summary(now: now), series: state.ledger.metricSeries(),
                            durations: state.ledger.durations)
        }
    }


    /// Every group of a dimension, most expensive first.
    public func groups(by dimension: Dimension) -> [GroupRow] {
        let now = clock.now()
        return state.withLock { $0.ledger.rows(dimension, now: now) }
    }

    /// How many contributions folded into `(other)` per dimension because of the cardinality cap.
    public func foldedContributions() -> [Dimension: Int] {
        state.withLock { state in
            Dictionary(uniqueKeysWithValues: state.ledger.tables.map { ($0.dimension, $0.foldedContributions) })
        }
    }

    /// Live rates of all spend.
    public func rates() -> Rates {
        let now = clock.now()
        return state.withLock { $0.ledger.rates(now: now) }
    }

    /// Checks local policy rules as the engine will compile them; the message names the rule.
    /// Callers validate configuration with this before building an engine.
    public static func validatePolicies(_ rules: [PolicyRule]) throws(PolicyRuleError) {
        _ = try PolicyEvaluator(rules: rules)
    }

    /// Compiles the rules; a caller that skipped `validatePolicies` gets the rules that compile.
    private static func compilePolicies(_ rules: [PolicyRule]) -> PolicyEvaluator {
        if let evaluator = try? PolicyEvaluator(rules: rules) { return evaluator }
        let valid = rules.filter { (try? PolicyEvaluator(rules: [$0])) != nil }
        return (try? PolicyEvaluator(rules: valid)) ?? PolicyEvaluator.none
    }

    /// Violations per policy (telemetry and local rules) with counts by result, type and team.
    public func policies() -> PolicyStatsSnapshot {
        state.withLock { $0.policyStats.snapshot() }
    }

    /// Evaluation results per metric and team.
    public func evaluations() -> EvaluationStatsSnapshot {
        state.withLock { $0.evaluationStats.snapshot() }
    }

    /// Re-evaluates the conditions that depend on time (rates, budgets) and resolves stale alerts.
    /// The executable calls it about once a second; tests call it after moving their clock.
    public func tick() {
        let now = clock.now()
        state.withLock { state in
            state.tickBudgets(now: now)
            state.tickAlerts(now: now)
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

    /// Active alerts by severity, and how many alerts should have rung the bell so far.
    public func alertStatus() -> (counts: AlertCounts, bellRings: Int, dropped: Int) {
        state.withLock { ($0.alerts.counts(), $0.bellRings, $0.alerts.droppedCount) }
    }

    /// Acknowledges an alert; false when there is no alert with this id.
    public func acknowledgeAlert(id: String) -> Bool {
        state.withLock { $0.alerts.acknowledge(id: id) }
    }

    /// Removes resolved alerts from the log; returns how many.
    @discardableResult
    public func clearResolvedAlerts() -> Int {
        state.withLock { $0.alerts.clearResolved() }
    }

    /// Newest traces first.
    public func traces(_ query: TraceQuery) -> [TraceSummary] {
        state.withLock { $0.store.traceSummaries(query) }
    }

    /// One page of the trace list in any order, with the number of matching traces.
    public func tracePage(_ query: TraceQuery) -> TracePage {
        state.withLock { $0.store.tracePage(query) }
    }

    /// Every stored span of a trace, or nil when the store holds none of it.
    public func trace(_ id: TraceID) -> TraceDetail? {
        let stored = state.withLock { $0.store.spans(of: id) }
        guard !stored.isEmpty else { return nil }
        let spans = stored.map { span in
            SpanView(record: span.record, origin: span.origin, costUSD: span.costUSD,
                     inputTokens: Int64(span.inputTokens), outputTokens: Int64(span.outputTokens),
                     policyViolations: Int(span.policyViolations), evalFailures: Int(span.evalFailures))
        }
        return TraceDetail(traceID: id, spans: spans)
    }
}

/// State guarded by the engine's lock.
struct EngineState {
    var store: SpanStore
    var ledger: Ledger
    var received = 0
    var rejected = 0
    var metricPoints = 0
    var logRecords = 0
    var nullItemsDropped = 0
    var requestsShed: [ShedReason: Int] = [:]
    var alerts: AlertBook
    let spikes: SpikeDetector
    /// How many alert changes should ring the terminal bell (new or escalated critical alerts).
    var bellRings = 0

    var budgets: [BudgetTracker]
    var telemetryBudgets = TelemetryBudgets()
    let policies: PolicyEvaluator
    var policyStats: PolicyStats
    var evaluationStats = EvaluationStats()
    let startedAt: UInt64
    let spikeBaselineMinimumSeconds: Double
    let governance: Bool

    init(configuration: EngineConfiguration, startedAt: UInt64, policies: PolicyEvaluator) {
        self.policies = policies
        policyStats = PolicyStats(rules: configuration.policies)
        self.startedAt = startedAt
        governance = configuration.governance
        spikeBaselineMinimumSeconds = configuration.alerts.spikeBaselineMinimumSeconds
        budgets = configuration.budgets.map {
            BudgetTracker(definition: $0, timeZone: configuration.timeZone, startedAt: startedAt)
        }
        store = SpanStore(limits: configuration.store)
        ledger = Ledger(maxGroupsPerDimension: configuration.maxGroupsPerDimension)
        alerts = AlertBook(settings: configuration.alerts)
        spikes = SpikeDetector(settings: configuration.alerts)
    }

    func summary(now: UInt64) -> Summary {
        var summary = Summary()
        summary.spansReceived = received
        summary.spansRejected = rejected
        summary.spansStored = store.spanCount
        summary.spansEvicted = store.evicted
        summary.tracesStored = store.traceCount
        summary.storeBytes = store.bytesHeld
        summary.requestsTotal = ledger.totals.requests
        summary.costUSDTotal = ledger.totals.costUSD
        summary.inputTokensTotal = ledger.totals.inputTokens
        summary.outputTokensTotal = ledger.totals.outputTokens
        summary.unpricedRequestsTotal = ledger.totals.unpricedRequests
        summary.policyViolationsTotal = ledger.totals.policyViolations
        summary.evalFailuresTotal = ledger.totals.evalFailures
        summary.metricPointsReceived = metricPoints
        summary.logRecordsReceived = logRecords
        summary.uptimeSeconds = max(0, Double(now &- startedAt) / 1e9)
        summary.nullItemsDropped = nullItemsDropped
        summary.requestsShedByReason = requestsShed
        return summary
    }

    mutating func insert(_ resource: PreparedResource, at now: UInt64) {
        for group in resource.groups {
            let origin = store.origin(resource: resource.resource, scope: group.scope)
            for span in group.spans {
                let stored = span.stored(origin: origin, receivedAt: now)
                var local = span.patternViolations
                let result = store.insert(stored, facts: span.facts) { attribution in
                    if governance, !policies.isEmpty {
                        local += policies.check(span.record, facts: span.facts, attribution: attribution,
                                                resourceAttributes: resource.resource.attributes, costUSD: span.cost.priced)
                    }
                    return local.count
                }
                let contribution = result.contribution
                guard governance else {
                    ledger.addTotals(contribution)
                    continue
                }
                ledger.add(contribution, facts: span.facts, attribution: result.effective,
                           durationSeconds: Double(span.record.durationNanos) / 1e9, at: now)
                recordBudgets(contribution, facts: span.facts, attribution: result.effective, at: now)
                for move in result.moves {
                    ledger.move(move)
                    moveBudgets(move)
                }
                observeOutcomes(of: span.facts, local: local, team: result.effective.team, at: now)
            }
        }
    }
}
