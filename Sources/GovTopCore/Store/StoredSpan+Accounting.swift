/// Which GenOps accounting and SLA facts a stored span reported.
struct GenOpsFlags: OptionSet {
    let rawValue: UInt8
    static let reconciledUSD = GenOpsFlags(rawValue: 1)
    static let reconciledTokens = GenOpsFlags(rawValue: 2)
    static let slaChecked = GenOpsFlags(rawValue: 4)
    static let slaMissed = GenOpsFlags(rawValue: 8)
}

/// A stored span's GenOps accounting in its compact form: one span's amounts are bounded at the door
/// (`ValueBounds.maxSpanCostUSD` in nano-dollars, `ValueBounds.maxTokens`), so 64 bits hold them.
extension StoredSpan {
    mutating func storeAccounting(_ totals: AccountingTotals) {
        var flags: GenOpsFlags = []
        if totals.reconciledUSD > 0 {
            flags.insert(.reconciledUSD)
            accountingReserved = Int64(clamping: totals.reservedUSD.nanos)
            accountingActual = Int64(clamping: totals.actualUSD.nanos)
        } else if totals.reconciledTokens > 0 {
            flags.insert(.reconciledTokens)
            accountingReserved = Int64(clamping: totals.reservedTokens)
            accountingActual = Int64(clamping: totals.actualTokens)
        }
        if totals.slaChecked > 0 { flags.insert(.slaChecked) }
        if totals.slaViolations > 0 { flags.insert(.slaMissed) }
        genops = flags
    }

    /// Exactly the accounting share the span added.
    var accounting: AccountingTotals {
        var totals = AccountingTotals()
        if genops.contains(.reconciledUSD) {
            totals.reconciledUSD = 1
            totals.reservedUSD = Money(nanos: Int128(accountingReserved))
            totals.actualUSD = Money(nanos: Int128(accountingActual))
        } else if genops.contains(.reconciledTokens) {
            totals.reconciledTokens = 1
            totals.reservedTokens = Int128(accountingReserved)
            totals.actualTokens = Int128(accountingActual)
        }
        if genops.contains(.slaChecked) { totals.slaChecked = 1 }
        if genops.contains(.slaMissed) { totals.slaViolations = 1 }
        return totals
    }
}
