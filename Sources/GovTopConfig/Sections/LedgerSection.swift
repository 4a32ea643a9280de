/// Reads `ledger: postgres://USER@HOST:PORT/DATABASE`: the ledger of record shared by a fleet of
/// govtops (`--ledger` on the command line wins). The URL is checked in full when govtop opens it.
/// Empty: the state directory's own ledger, as when the key is absent.
enum LedgerSection {
    static let expected = "a PostgreSQL URL such as postgres://govtop@db.internal:5432/govtop"

    static func read(_ node: ConfigNode) throws(ConfigError) -> String? {
        if node.isNull { return nil }
        let text = try node.text(expected: expected)
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else { throw node.expected(expected) }
        return text
    }
}
