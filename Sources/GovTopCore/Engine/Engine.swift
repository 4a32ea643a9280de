import Synchronization

/// The one owner of govtop's state: the span store and the ledger behind one lock. Receivers hand
/// it decoded batches; the API, metrics and the UI read from it. Normalization and compaction happen
/// before the lock is taken, so the critical section is a few O(1) updates per span. Every reader
/// (an API request, a scrape, a frame) gets one immutable snapshot from one lock acquisition
/// (`Engine+Reads.swift`).
public final class Engine: Sendable {
    let state: Mutex<EngineState>
    /// Counters that belong to no other state need no lock.
    let metricPoints = Atomic<Int>(0)
    let logRecords = Atomic<Int>(0)
    let clock: GovClock
    /// Nil when governance is off. (metrics: internal, for pricing metered tokens in Engine+Metrics)
    let governance: Governance?

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
        metricPoints.add(count, ordering: .relaxed)
    }

    public func recordLogRecords(_ count: Int) {
        logRecords.add(count, ordering: .relaxed)
    }

    /// Counts an export the receiver refused with `503` before decoding it (load shedding).
    public func recordShedRequest(_ reason: ShedReason) {
        state.withLock { $0.requestsShed[reason, default: 0] += 1 }
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

    /// Re-evaluates the conditions that depend on time (rates, budgets) and resolves stale alerts.
    /// The executable calls it about once a second; tests call it after moving their clock.
    public func tick() {
        let now = clock.now()
        state.withLock { state in
            state.tickBudgets(now: now)
            state.tickAlerts(now: now)
        }
    }
}

/// State guarded by the engine's lock.
struct EngineState {
    var store: SpanStore
    var ledger: Ledger
    var received = 0
    var rejected = 0
    var invalidValues = InvalidValueCounts()
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
    var metering: MeteringState // metrics: metered usage (Engine+Metrics.swift)
    var logs: LogStore // metrics: log records (Engine+Logs.swift)

    init(configuration: EngineConfiguration, startedAt: UInt64, policies: PolicyEvaluator) {
        self.policies = policies
        policyStats = PolicyStats(rules: configuration.policies)
        self.startedAt = startedAt
        governance = configuration.governance
        spikeBaselineMinimumSeconds = configuration.alerts.spikeBaselineMinimumSeconds
        budgets = configuration.budgets.map {
            BudgetTracker(definition: $0, timeZone: configuration.timeZone, startedAt: startedAt)
        }
        store = SpanStore(limits: configuration.store.spanShare) // metrics: logs take a share of the memory budget
        logs = LogStore(limits: configuration.store.logShare) // metrics
        metering = MeteringState(maxGroups: configuration.maxGroupsPerDimension, startedAt: startedAt) // metrics
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
        summary.inputTokensTotal = Int64(clamping: ledger.totals.inputTokens)
        summary.outputTokensTotal = Int64(clamping: ledger.totals.outputTokens)
        summary.unpricedRequestsTotal = ledger.totals.unpricedRequests
        summary.policyViolationsTotal = ledger.totals.policyViolations
        summary.evalFailuresTotal = ledger.totals.evalFailures
        summary.uptimeSeconds = max(0, Double(now &- startedAt) / 1e9)
        summary.invalidValues = invalidValues
        summary.nullItemsDropped = nullItemsDropped
        summary.requestsShedByReason = requestsShed
        return summary
    }

    mutating func insert(_ resource: PreparedResource, at now: UInt64) {
        for group in resource.groups where !group.spans.isEmpty {
            let origin = store.origin(resource: resource.resource, scope: group.scope, resourceFacts: resource.resourceFacts)
            for span in group.spans {
                if !span.facts.invalidValues.isEmpty { invalidValues.record(span.facts.invalidValues) }
                let stored = span.stored(origin: origin, receivedAt: now)
                var local = span.patternViolations
                let result = store.insert(stored, facts: span.facts) { attribution in
                    if governance, !policies.isEmpty {
                        local += policies.check(span.record, facts: span.facts, attribution: attribution,
                                                resourceAttributes: resource.resource.attributes, costUSD: span.cost.priced?.usd)
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
