/// A decoded span with its facts, cost and compact payload worked out before the engine's lock is
/// taken.
///
/// Immutable, and a class: the locked phase reads each span in four passes (store, pending rules,
/// conformance, effects), and reading a struct element of an array while the reader mutates its own
/// state copies the whole element, ~15 reference counts each time; reading one of these is one.
/// Allocated before the lock, in parallel, and freed after it.
final class PreparedSpan: Sendable {
    /// The span's fixed fields as the store keeps them, worked out before the lock: the store sets
    /// where it came from (its batch's shared origin, if another batch brought it first) and when,
    /// and adds its name and payload. Its violation count includes the local rules decided so far.
    let stored: StoredSpan
    /// The span's name (redacted when a redact rule matched).
    let name: String
    let facts: GovernanceFacts
    let cost: SpanCost
    /// Where its payload lies in the batch's `payloadBytes`.
    let payload: Range<Int>
    /// Local-rule violations decided before the lock: pattern rules (the clear text never reaches
    /// the store), then the condition and limit rules that need only the span.
    let localViolations: [LocalViolation]
    /// Condition rules that read an attribution dimension and whose other conditions held: the
    /// policy step decides them once the store has resolved the span's effective attribution.
    let pendingRules: [Int]
    /// The span against the GenOps specification (conformance: issue 13).
    let conformance: AWUVerdict

    /// Every span is normalized (the foundation's facts and exact totals need it); with governance
    /// on it is also scanned by the pattern rules (and redacted) and priced from its tokens.
    /// `service`: the resource's `service.name` as sent (an over-long one is flagged, see
    /// `Normalizer.groupFacts`).
    init(record: SpanRecord, resource: Resource, service: String, origin: SpanOrigin, governance: inout GovernancePass?,
         payloads: inout SpanPayload.Encoder) {
        // Optional chaining works on the pass in place; `map` or `if let` would copy its cache.
        let scan = governance?.scanPatterns == true ? governance?.policies.scan(record) ?? .clean : .clean
        let stored = scan.redactedSpan ?? record
        name = stored.name
        let facts = Normalizer.facts(for: stored, resource: origin.resourceFacts, service: service)
        self.facts = facts
        if governance != nil {
            let cost = PreparedSpan.cost(of: facts, prices: &governance!.prices)
            self.cost = cost
            let judgement = governance!.policies.judge(stored, facts: facts, resourceAttributes: resource.attributes,
                                                       costUSD: cost.priced?.usd)
            localViolations = scan.violations.isEmpty ? judgement.violations : scan.violations + judgement.violations
            pendingRules = judgement.pending
        } else {
            cost = facts.reportedTotalCost.map(SpanCost.reported) ?? .none
            localViolations = []
            pendingRules = []
        }
        payload = payloads.encode(stored)
        conformance = AWUChecker.check(record, resource: resource.attributes) // conformance: issue 13
        var fixed = StoredSpan(record: stored, facts: facts, cost: cost, origin: origin, receivedAt: 0)
        if !localViolations.isEmpty {
            fixed.policyViolations = UInt8(clamping: Int(fixed.policyViolations) + localViolations.count)
        }
        self.stored = fixed
    }

    /// The span's duration in seconds (zero when it ends before it starts).
    var durationSeconds: Double {
        Double(SpanRecord.durationNanos(start: stored.startTimeUnixNano, end: stored.endTimeUnixNano)) / 1e9
    }

    /// A reported cost wins; else tokens × the pricing table; tokens of an unknown model (or of no
    /// model) are unpriced, never $0.
    ///
    /// An estimate is worked out in `Double` once per span (tokens × dollars per million tokens, see
    /// `CostEstimator`) and rounded to the nearest nano-dollar, so the same span always costs the same
    /// exact `Money`, and sums of it are exact. An estimate that is not finite or above
    /// `ValueBounds.maxSpanCostUSD` (an absurd custom price) counts as unpriced.
    static func cost(of facts: GovernanceFacts, prices: inout PriceLookupCache) -> SpanCost {
        if let reported = facts.reportedTotalCost { return .reported(reported) }
        guard facts.inputTokens != nil || facts.outputTokens != nil else { return .none }
        guard let model = facts.model else { return .unpriced }
        let usage = TokenUsage(input: facts.inputTokens ?? 0, output: facts.outputTokens ?? 0,
                               cachedInput: facts.cachedInputTokens ?? 0, cacheWrite: facts.cacheWriteInputTokens ?? 0,
                               reasoning: facts.reasoningTokens ?? 0)
        switch prices.estimate(model: model, provider: facts.provider, usage: usage) {
        case .priced(let usd): return Money(usd: usd, limit: ValueBounds.maxSpanCostUSD).map(SpanCost.estimated) ?? .unpriced
        case .unpriced: return .unpriced
        }
    }

}

/// The parts of governance that work on a span before the engine's lock: pricing and the local
/// policy rules, compiled once.
struct Governance: Sendable {
    let pricing: PricingTable
    let policies: PolicyEvaluator
}

/// Governance for the spans of one batch: the engine's rules, and a price cache of the batch's own
/// (spans repeat a handful of model names; the cache resolves each name once per batch, and needs
/// no lock because no other batch sees it).
struct GovernancePass {
    let policies: PolicyEvaluator
    /// False when no pattern rule can match any span of the batch (see `Engine.ingest`).
    let scanPatterns: Bool
    var prices: PriceLookupCache

    init(_ governance: Governance, scanPatterns: Bool) {
        policies = governance.policies
        self.scanPatterns = scanPatterns
        prices = PriceLookupCache(table: governance.pricing)
    }
}
