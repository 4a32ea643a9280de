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

    /// An amount: a whole number, zero or more. govtop only ever writes sums of spend and counts, so
    /// a negative one (another program changed the file) is refused like any other corrupt value.
    static func wide(_ row: Row, _ index: Int) throws(LedgerStoreError) -> Int128 {
        let value: DatabaseValue = row[index]
        var number: Int128?
        switch value.storage {
        case .int64(let stored): number = Int128(stored)
        case .string(let text): number = Int128(text)
        case .null, .double, .blob: break
        }
        guard let number else {
            throw LedgerStoreError(.corrupt, "an amount in the ledger is not a whole number (\(value))")
        }
        guard number >= 0 else { throw negative(row, index, String(number)) }
        return number
    }

    /// A count kept beside the amounts (an alert's occurrences, alerts dropped): zero or more.
    static func count(_ row: Row, _ index: Int) throws(LedgerStoreError) -> Int {
        let value: DatabaseValue = row[index]
        guard case .int64(let number) = value.storage else {
            throw LedgerStoreError(.corrupt, "a count in the ledger is not a whole number (\(value))")
        }
        guard number >= 0 else { throw negative(row, index, String(number)) }
        return Int(number)
    }

    private static func negative(_ row: Row, _ index: Int, _ value: String) -> LedgerStoreError {
        let column = index < row.columnNames.count ? Array(row.columnNames)[index] : "column \(index)"
        return LedgerStoreError(.corrupt, "a negative amount, \(column) = \(value), which govtop never writes: another program "
            + "changed the file")
    }
}
