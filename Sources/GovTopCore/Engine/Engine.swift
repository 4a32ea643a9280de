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
    /// The ledger of record, once one is attached (ledger: issue 11).
    let ledgerLink = LedgerLink()
    /// The notification sinks' delivery state (notifications: issue 15).
    let notificationBoard = NotificationBoard()
    /// Nil when governance is off (internal: Engine+Metrics prices metered tokens).
    let governance: Governance?
    /// decide (issue 15): the budgets that refuse or warn, for the decision endpoint (Engine+Decisions.swift).
    let decisions = Mutex(DecisionTable())

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
        // Phase one, outside the lock: decode-side work on this thread.
        var prepared = PreparedBatch(batch, governance: &pass)
        prepared.receivedAt = clock.now()
        // Phase two, under it: the store says what happened, the owners apply it.
        state.withLock { state in
            state.apply(prepared)
            state.publishDecisions(to: decisions, now: prepared.receivedAt) // decide (issue 15)
        }
        return IngestResult(accepted: prepared.accepted, rejected: prepared.rejected)
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
            state.sampleBudgetConsumption(now: now) // chart series (EngineState+SpendSeries.swift)
            state.publishDecisions(to: decisions, now: now) // decide (issue 15)
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
    /// Alert changes for the notification sinks (notifications: issue 15).
    var notificationOutbox = NotificationOutbox()
    /// Other instances' committed figures when the ledger is shared (fleet: issue 16).
    var fleet = FleetOverlay()

    var budgets: BudgetBook
    /// Chart series (EngineState+SpendSeries.swift).
    var spendSeries = SpendSeries()
    var budgetConsumption = BudgetConsumptionLog()
    let policies: PolicyEvaluator
    var policyStats: PolicyStats
    var evaluationStats = EvaluationStats()
    let startedAt: UInt64
    let spikeBaselineMinimumSeconds: Double
    let governance: Bool
    var metering: MeteringState // metrics: metered usage (Engine+Metrics.swift)
    var logs: LogStore // metrics: log records (Engine+Logs.swift)
    var conformance = ConformanceTally() // conformance: issue 13 (Engine+Conformance.swift)

    init(configuration: EngineConfiguration, startedAt: UInt64, policies: PolicyEvaluator) {
        self.policies = policies
        policyStats = PolicyStats(rules: configuration.policies)
        self.startedAt = startedAt
        governance = configuration.governance
        spikeBaselineMinimumSeconds = configuration.alerts.spikeBaselineMinimumSeconds
        budgets = BudgetBook(configuration.budgets, timeZone: configuration.timeZone, startedAt: startedAt)
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
        let totals = fleet.totals(ledger.totals) // fleet: issue 16 (own totals when not shared)
        summary.requestsTotal = totals.requests
        summary.costUSDTotal = totals.costUSD
        summary.inputTokensTotal = Int64(clamping: totals.inputTokens)
        summary.outputTokensTotal = Int64(clamping: totals.outputTokens)
        summary.unpricedRequestsTotal = totals.unpricedRequests
        summary.policyViolationsTotal = totals.policyViolations
        summary.evalFailuresTotal = totals.evalFailures
        summary.uptimeSeconds = max(0, Double(now &- startedAt) / 1e9)
        summary.invalidValues = invalidValues
        summary.nullItemsDropped = nullItemsDropped
        summary.requestsShedByReason = requestsShed
        summary.ledgerWriteErrors = ledger.deltas.writeErrors // ledger: issue 11
        summary.ledgerBucketsDropped = ledger.deltas.dropped // review8
        summary.fleetReadFailures = fleet.readFailures // fleet: issue 16
        summary.fleetReadAgeSeconds = fleet.readAt.map { Double(now &- $0) / 1e9 } // fleet: issue 16
        return summary
    }

    /// Phase two of ingest: the store takes the batch and returns its effects as data; the local
    /// rules that read the effective attribution are decided on them (and the store keeps what they
    /// found, so moves carry it); then each owner applies each span's effect.
    mutating func apply(_ batch: PreparedBatch) {
        received += batch.accepted + batch.rejected
        rejected += batch.rejected
        nullItemsDropped += batch.nullItemsDropped
        if !batch.invalidValues.isEmpty { invalidValues.record(batch.invalidValues) }
        var stored = store.insert(batch)
        recordConformance(batch) // conformance: issue 13
        guard governance else {
            ledger.applyTotals(stored)
            return
        }
        let inherited = resolvePendingRules(batch, &stored)
        // Each span's effect goes to every owner in turn and is then dropped: a list of effects
        // walked once per owner copied each effect (facts, attribution, violations) per owner.
        var changes: [AlertChange] = []
        batch.forEachSpan { index, span in
            let result = stored.spans[index]
            let found = inherited.isEmpty ? nil : inherited[index] // most batches: no pending rule found anything
            let effect = SpanEffect(facts: span.facts, effective: result.effective, contribution: result.contribution,
                                    local: found.map { span.localViolations + $0 } ?? span.localViolations,
                                    moves: result.moves, receivedAt: batch.receivedAt,
                                    durationSeconds: span.durationSeconds)
            ledger.apply(effect) // and the ledger of record's deltas
            recordSpend(effect) // chart series
            budgets.apply(effect)
            policyStats.apply(effect)
            evaluationStats.apply(effect)
            alerts.observe(effect, now: batch.receivedAt, into: &changes)
        }
        ledger.finishBatch()
        for change in changes { record(change) }
    }

    /// The local rules left pending in phase one, decided with each span's effective attribution.
    /// What they find is added to the stored spans (for later moves) and to the batch's effects.
    /// Returns the violations found, by the span's position in the batch (nil: none).
    private mutating func resolvePendingRules(_ batch: PreparedBatch, _ stored: inout StoreEffects) -> [Int: [LocalViolation]] {
        var pending: [(index: Int, rules: [Int])] = []
        batch.forEachSpan { index, span in
            if !span.pendingRules.isEmpty { pending.append((index, span.pendingRules)) }
        }
        var found: [Int: [LocalViolation]] = [:]
        var counts: [UInt64: Int] = [:]
        for (index, rules) in pending {
            let effect = stored.spans[index]
            let violations = policies.resolve(rules, attribution: effect.effective)
            guard !violations.isEmpty else { continue }
            found[index] = violations
            counts[effect.sequence] = store.addViolations(violations.count, at: effect.sequence)
                ?? min(Int(UInt8.max), effect.contribution.policyViolations + violations.count)
        }
        stored.setViolations(counts)
        return found
    }
}
