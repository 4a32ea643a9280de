import GovTopCore

/// `Totals` as the eleven `NUMERIC` amount columns, bound as decimal text (cast in SQL) and read back
/// as text, so 128-bit values travel without rounding.
enum PostgresAmounts {
    static func texts(_ totals: Totals) -> [String] {
        [String(totals.requests), String(totals.inputTokens), String(totals.outputTokens), String(totals.cachedInputTokens),
         String(totals.reasoningTokens), String(totals.reportedCost.nanos), String(totals.estimatedCost.nanos),
         String(totals.unpricedRequests), String(totals.errors), String(totals.policyViolations), String(totals.evalFailures)]
    }

    /// Reads the columns starting at `offset` of a row read as text.
    static func totals(_ row: [String?], from offset: Int) throws(LedgerStoreError) -> Totals {
        var totals = Totals()
        totals.requests = Int(clamping: try wide(row, offset))
        totals.inputTokens = try wide(row, offset + 1)
        totals.outputTokens = try wide(row, offset + 2)
        totals.cachedInputTokens = try wide(row, offset + 3)
        totals.reasoningTokens = try wide(row, offset + 4)
        totals.reportedCost = Money(nanos: try wide(row, offset + 5))
        totals.estimatedCost = Money(nanos: try wide(row, offset + 6))
        totals.unpricedRequests = Int(clamping: try wide(row, offset + 7))
        totals.errors = Int(clamping: try wide(row, offset + 8))
        totals.policyViolations = Int(clamping: try wide(row, offset + 9))
        totals.evalFailures = Int(clamping: try wide(row, offset + 10))
        return totals
    }

    static func wide(_ row: [String?], _ index: Int) throws(LedgerStoreError) -> Int128 {
        guard index < row.count, let text = row[index], let value = Int128(text) else {
            throw LedgerStoreError(.corrupt, "an amount in the shared ledger is not a whole number")
        }
        return value
    }

    static func int64(_ row: [String?], _ index: Int) throws(LedgerStoreError) -> Int64 {
        guard index < row.count, let text = row[index], let value = Int64(text) else {
            throw LedgerStoreError(.corrupt, "a number in the shared ledger is not a 64-bit integer")
        }
        return value
    }
}
