/// Log records in the engine. Before the lock each record is redacted by the pattern rules
/// (nothing unmasked is ever stored) and its policy and evaluation attributes are read as a span
/// event's; under it the record enters the bounded log store and its outcomes are counted like
/// a span event's (policy and evaluation stats, alerts).
extension Engine {
    @discardableResult
    public func ingest(_ batch: LogBatch) -> Int {
        let prepared = batch.resourceLogs.flatMap { resourceLogs in
            let resourceFacts = FactValues(resourceLogs.resource.attributes)
            let service = resourceLogs.resource.serviceName
            return resourceLogs.scopeLogs.flatMap { scope in
                scope.records.map { PreparedLog($0, service: service, resourceFacts: resourceFacts, policies: governance?.policies) }
            }
        }
        logRecords.add(prepared.count, ordering: .relaxed)
        guard !prepared.isEmpty else { return 0 }
        let now = clock.now()
        // A record's outcomes count like a span event's: as an effect with no contribution.
        let effects = prepared.filter(\.hasOutcomes).map {
            SpanEffect(facts: $0.outcomes, effective: Attribution(team: $0.team), contribution: Contribution(),
                       local: $0.violations, receivedAt: now)
        }
        state.withLock { state in
            for log in prepared {
                state.logs.insert(StoredLog(record: log.record, service: log.service, receivedAt: now))
            }
            if state.governance, !effects.isEmpty {
                state.policyStats.apply(effects)
                state.evaluationStats.apply(effects)
                for change in state.alerts.observe(effects, now: now) { state.record(change) }
            }
        }
        return prepared.count
    }

    /// What the log store holds and has evicted.
    public func logStoreStatus() -> LogStoreStatus {
        state.withLock { $0.logs.status }
    }
}

/// A log record ready to store: redacted, with its outcomes read.
struct PreparedLog {
    let record: LogRecord
    let service: String
    let outcomes: GovernanceFacts
    let violations: [LocalViolation]
    /// The team its outcomes count for: the record's `genops.team`, else its resource's.
    let team: String?

    init(_ record: LogRecord, service: String, resourceFacts: FactValues, policies: PolicyEvaluator?) {
        let scan = policies?.scan(record) ?? (violations: [], record: record)
        self.record = scan.record
        violations = scan.violations
        self.service = service
        outcomes = Normalizer.outcomes(of: scan.record)
        var rejected: [String] = [] // a log record has no invalid values to show; the team is bounded as on spans
        team = Normalizer.groupText(.team, own: FactValues(scan.record.attributes), resource: resourceFacts, rejected: &rejected)
    }

    var hasOutcomes: Bool { !outcomes.policies.isEmpty || !outcomes.evaluations.isEmpty || !violations.isEmpty }
}
