/// The budgets that refuse or warn, precomputed by the engine after every change to budget
/// consumption and published for the decision endpoint, which reads it without the engine's lock.
///
/// Entries expire on their own (`DecisionEntry.until`): a budget whose calendar period ended, or
/// whose rolling window has shed enough spend, stops refusing at that instant even before the
/// engine publishes the next table.
public struct DecisionTable: Sendable, Hashable {
    public private(set) var entries: [DecisionEntry]

    public init(_ entries: [DecisionEntry] = []) {
        self.entries = entries
    }

    /// The decision for a request in `scope` at `now`. Of several exhausted `block` budgets covering
    /// it, the most restrictive wins: the one that refuses longest (latest `until`), then the most
    /// used, then the first configured. Warnings are the other covering entries, most used first.
    public func decide(_ scope: DecisionScope, now: UInt64) -> Decision {
        var decision = Decision()
        for entry in entries where entry.until > now && entry.covers(scope) {
            if entry.denies {
                if let current = decision.denial {
                    if Self.isMoreRestrictive(entry, than: current) {
                        decision.warnings.append(current)
                        decision.denial = entry
                    } else {
                        decision.warnings.append(entry)
                    }
                } else {
                    decision.denial = entry
                }
            } else {
                decision.warnings.append(entry)
            }
        }
        if decision.warnings.count > 1 { decision.warnings.sort { $0.utilization > $1.utilization } }
        return decision
    }

    private static func isMoreRestrictive(_ entry: DecisionEntry, than other: DecisionEntry) -> Bool {
        if entry.until != other.until { return entry.until > other.until }
        return entry.utilization > other.utilization
    }
}
