/// One stored span as the owners after the store apply it (phase two of ingest): the span's facts
/// and local-rule violations from phase one, and what the store did with it. Each owner — ledger,
/// budgets, policy stats, evaluation stats, alerts — reads these and nothing else (the engine hands
/// each span's effect to every owner in turn), so each is tested alone with hand-written lists.
struct SpanEffect {
    var facts: GovernanceFacts
    /// The span's attribution after inheritance inside its trace (the store's).
    var effective: Attribution
    /// What the span adds to the ledger, its local violations included.
    var contribution: Contribution
    /// Local-rule violations: pattern rules, rules on the span alone, and rules that read the
    /// effective attribution.
    var local: [LocalViolation] = []
    /// Earlier spans of the trace whose attribution changed because this span is their ancestor.
    var moves: [AttributionMove] = []
    var receivedAt: UInt64
    var durationSeconds: Double = 0
}
