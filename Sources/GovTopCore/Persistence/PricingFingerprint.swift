/// A short, stable name for a pricing table's contents, kept beside every hourly bucket so the
/// ledger says which prices estimated its costs: `<as_of>/<16 hex digits of FNV-1a>`.
public enum PricingFingerprint {
    public static func of(_ table: PricingTable) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for entry in table.entries {
            for byte in String(describing: entry).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            hash = (hash ^ 0x0a) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return table.asOf + "/" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
