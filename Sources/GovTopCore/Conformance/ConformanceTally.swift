/// Running conformance counts per service, fed one verdict per span at ingest. Bounded: at most
/// `Limits.maxServices` services (others fold into `(other)`), `Limits.examplesPerRule` examples per
/// rule and service, and identity reuse is judged against the last `Limits.rememberedIdentities`
/// AWUs (a reuse older than that is not seen).
public struct ConformanceTally: Sendable {
    public struct Limits: Sendable, Hashable {
        public var maxServices: Int
        public var examplesPerRule: Int
        public var rememberedIdentities: Int

        public init(maxServices: Int = 256, examplesPerRule: Int = 5, rememberedIdentities: Int = 65_536) {
            self.maxServices = max(1, maxServices)
            self.examplesPerRule = max(1, examplesPerRule)
            self.rememberedIdentities = max(1, rememberedIdentities)
        }
    }

    private struct Counters: Sendable {
        var spans = 0
        var awus = 0
        var judged = 0
        var conforming = 0
        var brokeOther = 0
        var unknownVersions = BoundedCounts(limit: 16)
        var violations = [Int](repeating: 0, count: ConformanceRule.allCases.count)
        var examples = [[ConformanceExample]](repeating: [], count: ConformanceRule.allCases.count)
    }

    private struct Identity: Hashable, Sendable {
        var trace: TraceID
        var span: SpanID
    }

    public let limits: Limits
    private var services: [String: Counters] = [:]
    private var seen = Set<Identity>()
    private var seenOrder: [Identity] = []
    private var seenNext = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Counts `count` spans of `service` that are not AWUs: the same as that many
    /// `record(.notAWU, …)`, with one lookup of the service (the spans of a batch come in runs of one
    /// resource, so of one service).
    public mutating func recordNotAWU(_ count: Int, service: String) {
        guard count > 0 else { return }
        let key = BoundedCounts.slot(for: service, in: services, limit: limits.maxServices)
        services[key, default: Counters()].spans += count
    }

    /// Counts one span of `service` with the verdict `AWUChecker` gave it; an AWU whose identity was
    /// seen before also breaks `identity.reused`. Returns the rules the AWU broke.
    @discardableResult
    public mutating func record(_ verdict: AWUVerdict, service: String, traceID: TraceID, spanID: SpanID) -> [ConformanceRule] {
        let key = BoundedCounts.slot(for: service, in: services, limit: limits.maxServices)
        var counters = services.removeValue(forKey: key) ?? Counters()
        defer { services[key] = counters }
        counters.spans += 1
        guard verdict != .notAWU else { return [] }
        counters.awus += 1
        let reused = remember(Identity(trace: traceID, span: spanID))
        guard case .checked(var rules) = verdict else {
            if case .unknownVersion(let version) = verdict { counters.unknownVersions.add(version) }
            return []
        }
        if reused { rules.append(.identityReused) }
        counters.judged += 1
        if rules.isEmpty { counters.conforming += 1 }
        if rules.contains(where: { !$0.isAccountingInvariant }) { counters.brokeOther += 1 }
        for rule in rules {
            counters.violations[rule.index] += 1
            var examples = counters.examples[rule.index]
            if examples.count >= limits.examplesPerRule { examples.removeFirst() }
            examples.append(ConformanceExample(traceID: traceID, spanID: spanID))
            counters.examples[rule.index] = examples
        }
        return rules
    }

    /// Whether the identity was seen among the remembered ones; remembers it.
    private mutating func remember(_ identity: Identity) -> Bool {
        if seen.contains(identity) { return true }
        if seenOrder.count < limits.rememberedIdentities {
            seenOrder.append(identity)
        } else {
            seen.remove(seenOrder[seenNext])
            seenOrder[seenNext] = identity
            seenNext = (seenNext + 1) % limits.rememberedIdentities
        }
        seen.insert(identity)
        return false
    }

    public func report() -> ConformanceReport {
        let rows = services.map { name, counters -> ServiceConformance in
            var violations: [ConformanceRule: Int] = [:]
            var examples: [ConformanceRule: [ConformanceExample]] = [:]
            for rule in ConformanceRule.allCases where counters.violations[rule.index] > 0 {
                violations[rule] = counters.violations[rule.index]
                examples[rule] = counters.examples[rule.index]
            }
            let level: ConformanceLevel =
                counters.awus == 0 ? .notGenOps
                : counters.judged == 0 ? .unknownVersion
                : counters.brokeOther > 0 ? .none
                : counters.conforming < counters.judged ? .partial
                : .full
            return ServiceConformance(service: name, level: level, spans: counters.spans, awus: counters.awus,
                                      conforming: counters.conforming, unknownVersions: counters.unknownVersions.counts,
                                      violations: violations, examples: examples)
        }
        func rank(_ level: ConformanceLevel) -> Int {
            switch level {
            case .none: 0
            case .partial: 1
            case .full: 2
            case .unknownVersion: 3
            case .notGenOps: 4
            }
        }
        return ConformanceReport(specVersion: SpecVersion.checked.description,
                                 services: rows.sorted { (rank($0.level), $0.service) < (rank($1.level), $1.service) },
                                 foldedServices: services[Dimension.other] != nil)
    }
}
