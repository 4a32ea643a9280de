/// The ledger's part of phase two: a batch's effects, applied in order.
extension Ledger {
    /// Counts each span under its effective attribution and moves the earlier spans whose
    /// attribution it changed; then puts the batch's pending rates into their buckets.
    mutating func apply(_ effects: [SpanEffect]) {
        for effect in effects { apply(effect) }
        finishBatch()
    }

    /// One span of a batch (the batch ends with `finishBatch`).
    mutating func apply(_ effect: SpanEffect) {
        add(effect.contribution, facts: effect.facts, attribution: effect.effective,
            durationSeconds: effect.durationSeconds, at: effect.receivedAt)
        for move in effect.moves { self.move(move) }
    }

    /// Without governance: only the exact running totals.
    mutating func applyTotals(_ effects: StoreEffects) {
        for span in effects.spans { addTotals(span.contribution) }
    }
}
