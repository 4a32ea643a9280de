import GovTopCore

/// The GenOps columns of a group: SLA checks and misses, and reserved against actual amounts of
/// the spans that reported both (how far estimates miss).
extension GroupsRenderer {
    static func accountingFields(_ accounting: AccountingTotals) -> [(String, JSONValue)] {
        [
            ("sla_checks", .int(Int64(accounting.slaChecked))),
            ("sla_violations", .int(Int64(accounting.slaViolations))),
            ("sla_miss_rate", accounting.slaMissRate.map(JSONValue.double) ?? .null),
            ("accounting", .object([
                ("reconciled_usd", .int(Int64(accounting.reconciledUSD))),
                ("reserved_usd", .double(accounting.reservedUSD.usd)),
                ("actual_usd", .double(accounting.actualUSD.usd)),
                ("reconciliation_delta_usd", .double(accounting.deltaUSD.usd)),
                ("reconciled_tokens", .int(Int64(accounting.reconciledTokens))),
                ("reserved_tokens", .int(Int64(clamping: accounting.reservedTokens))),
                ("actual_tokens", .int(Int64(clamping: accounting.actualTokens))),
                ("reconciliation_delta_tokens", .int(Int64(clamping: accounting.deltaTokens))),
            ])),
        ]
    }
}
