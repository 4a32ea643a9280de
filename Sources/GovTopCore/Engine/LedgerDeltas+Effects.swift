extension LedgerDeltas {
    /// Phase two for the ledger of record: a batch's effects become hourly deltas, moves included.
    mutating func apply(_ effects: [SpanEffect]) {
        for effect in effects { apply(effect) }
    }

    mutating func apply(_ effect: SpanEffect) {
        add(effect.contribution, facts: effect.facts, attribution: effect.effective, at: effect.receivedAt)
        for move in effect.moves { self.move(move) }
    }
}
