/// What storing one prepared batch did, as data: for each span, in the order the store took them,
/// its effective attribution, what it adds to the ledger, and the earlier spans whose attribution
/// changed because it is their ancestor. The owners after the store (ledger, budgets, policy and
/// evaluation stats, alerts) apply this list; the store calls none of them.
struct StoreEffects {
    var spans: [StoredSpanEffect] = []
    /// Spans evicted while the batch was stored. Their contributions stay counted: totals live in
    /// the ledger, and evicting a span changes none.
    var evicted = 0

    /// Sets the violation counts of spans of this batch after local rules that read the effective
    /// attribution found more (the counts the store's `addViolations(_:at:)` now holds, by sequence
    /// number): in the spans' contributions and in their moves later in the batch, which the store
    /// worked out before the rules ran.
    mutating func setViolations(_ counts: [UInt64: Int]) {
        guard !counts.isEmpty else { return }
        for index in spans.indices {
            if let count = counts[spans[index].sequence] { spans[index].contribution.policyViolations = count }
            for move in spans[index].moves.indices {
                if let count = counts[spans[index].moves[move].sequence] {
                    spans[index].moves[move].contribution.policyViolations = count
                }
            }
        }
    }
}

/// One stored span's effect.
struct StoredSpanEffect {
    /// The span's sequence number in the store.
    var sequence: UInt64
    /// Its attribution after inheritance inside its trace.
    var effective: Attribution
    /// What it adds to the ledger.
    var contribution: Contribution
    /// Earlier spans of its trace that now inherit from it.
    var moves: [AttributionMove] = []
}

/// One span's ledger contribution moving from one attribution to another.
struct AttributionMove {
    /// The moved span's sequence number in the store.
    var sequence: UInt64
    var contribution: Contribution
    var receivedAt: UInt64
    var old: Attribution
    var new: Attribution
    /// The moved span's own dimensions (model, provider, service) as the store kept them; the other
    /// facts are left empty, since a move changes only attribution.
    var facts: GovernanceFacts
}
