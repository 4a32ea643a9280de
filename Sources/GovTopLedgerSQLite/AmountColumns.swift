import GovTopCore
import GRDB

/// `Totals` as the eleven amount columns of `hourly` and `series_totals`, in that order. 128-bit
/// values are an INTEGER when they fit 64 bits and decimal TEXT otherwise, so nothing is rounded.
enum AmountColumns {
    static let names = ["requests", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens",
                        "cost_reported_nanos", "cost_estimated_nanos", "unpriced_requests", "errors",
                        "policy_violations", "eval_failures"]

    static func values(_ totals: Totals) -> [DatabaseValue] {
        [Int64(totals.requests).databaseValue, wide(totals.inputTokens), wide(totals.outputTokens),
         wide(totals.cachedInputTokens), wide(totals.reasoningTokens), wide(totals.reportedCost.nanos),
         wide(totals.estimatedCost.nanos), Int64(totals.unpricedRequests).databaseValue, Int64(totals.errors).databaseValue,
         Int64(totals.policyViolations).databaseValue, Int64(totals.evalFailures).databaseValue]
    }

    /// Reads the columns starting at `offset`.
    static func totals(_ row: Row, from offset: Int) throws(LedgerStoreError) -> Totals {
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

    static func wide(_ value: Int128) -> DatabaseValue {
        if let small = Int64(exactly: value) { return small.databaseValue }
        return String(value).databaseValue
    }

    static func wide(_ row: Row, _ index: Int) throws(LedgerStoreError) -> Int128 {
        let value: DatabaseValue = row[index]
        switch value.storage {
        case .int64(let number): return Int128(number)
        case .string(let text):
            if let number = Int128(text) { return number }
        case .null, .double, .blob: break
        }
        throw LedgerStoreError(.corrupt, "an amount in the ledger is not a whole number (\(value))")
    }
}
