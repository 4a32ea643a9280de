import GovTopCore

/// `Totals` as the eleven `NUMERIC` amount columns, bound as decimal text (cast in SQL) and read back
/// as text, so 128-bit values travel without rounding.
///
/// What is read is checked like any input: other instances, other programs and a damaged database
/// can all have written it. An amount govtop writes is a sum of spend and counts, never below zero,
/// so a negative one is refused as corrupt (`LedgerStoreError.Kind.corrupt`), never summed into a
/// total, a group or a budget.
enum PostgresAmounts {
    static func texts(_ totals: Totals) -> [String] {
        [String(totals.requests), String(totals.inputTokens), String(totals.outputTokens), String(totals.cachedInputTokens),
         String(totals.reasoningTokens), String(totals.reportedCost.nanos), String(totals.estimatedCost.nanos),
         String(totals.unpricedRequests), String(totals.errors), String(totals.policyViolations), String(totals.evalFailures)]
    }

    /// Reads the columns starting at `offset` of a row read as text (from `table`, for messages).
    static func totals(_ row: [String?], from offset: Int, in table: String) throws(LedgerStoreError) -> Totals {
        func amount(_ column: Int) throws(LedgerStoreError) -> Int128 {
            try wide(row, offset + column, column: "\(table).\(PostgresLedgerSchema.amountNames[column])")
        }
        var totals = Totals()
        totals.requests = Int(clamping: try amount(0))
        totals.inputTokens = try amount(1)
        totals.outputTokens = try amount(2)
        totals.cachedInputTokens = try amount(3)
        totals.reasoningTokens = try amount(4)
        totals.reportedCost = Money(nanos: try amount(5))
        totals.estimatedCost = Money(nanos: try amount(6))
        totals.unpricedRequests = Int(clamping: try amount(7))
        totals.errors = Int(clamping: try amount(8))
        totals.policyViolations = Int(clamping: try amount(9))
        totals.evalFailures = Int(clamping: try amount(10))
        return totals
    }

    /// An amount: a whole number, zero or more.
    static func wide(_ row: [String?], _ index: Int, column: String) throws(LedgerStoreError) -> Int128 {
        guard index < row.count, let text = row[index], let value = Int128(text) else {
            throw LedgerStoreError(.corrupt, "an amount in the shared ledger (\(column)) is not a whole number")
        }
        guard value >= 0 else { throw negative(column, String(value)) }
        return value
    }

    static func int64(_ row: [String?], _ index: Int) throws(LedgerStoreError) -> Int64 {
        guard index < row.count, let text = row[index], let value = Int64(text) else {
            throw LedgerStoreError(.corrupt, "a number in the shared ledger is not a 64-bit integer")
        }
        return value
    }

    /// A count (an alert's occurrences, alerts dropped): a 64-bit integer, zero or more.
    static func count(_ row: [String?], _ index: Int, column: String) throws(LedgerStoreError) -> Int {
        let value = try int64(row, index)
        guard value >= 0 else { throw negative(column, String(value)) }
        return Int(value)
    }

    private static func negative(_ column: String, _ value: String) -> LedgerStoreError {
        LedgerStoreError(.corrupt, "a negative amount (\(column) = \(value)), which govtop never writes: another program changed "
            + "the database. It was not counted; correct or delete that row")
    }
}
