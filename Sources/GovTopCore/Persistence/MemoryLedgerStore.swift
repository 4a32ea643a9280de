import Synchronization

/// The ledger of record in memory, for `--ephemeral` runs and tests: the same answers as the
/// SQLite store (history included) for as long as the process lives.
public final class MemoryLedgerStore: LedgerStore {
    private struct Contents {
        var hours: [LedgerBucketKey: Totals] = [:]
        var groups: [LedgerSeries: Int] = [:]
        var groupTotals: [(series: LedgerSeries, totals: Totals)] = []
        var budgets: [String: BudgetPeriodRecord] = [:]
        var budgetOrder: [String] = []
        var alerts: AlertLogRecord?
    }

    private let contents = Mutex(Contents())

    public init() {}

    public func restore() throws(LedgerStoreError) -> LedgerRestore {
        contents.withLock { contents in
            LedgerRestore(totals: contents.groupTotals.first { $0.series == .all }?.totals ?? Totals(),
                          groups: contents.groupTotals.filter { $0.series != .all },
                          budgets: contents.budgetOrder.compactMap { contents.budgets[$0] }, alerts: contents.alerts)
        }
    }

    public func commit(_ commit: LedgerCommit) throws(LedgerStoreError) {
        contents.withLock { contents in
            for delta in commit.buckets {
                contents.hours[delta.key, default: Totals()].add(delta.amounts)
                let series = delta.key.series
                if let position = contents.groups[series] {
                    contents.groupTotals[position].totals.add(delta.amounts)
                } else {
                    contents.groups[series] = contents.groupTotals.count
                    contents.groupTotals.append((series, delta.amounts))
                }
            }
            for record in commit.budgets {
                if contents.budgets[record.name] == nil { contents.budgetOrder.append(record.name) }
                contents.budgets[record.name] = record
            }
            if let alerts = commit.alerts { contents.alerts = alerts }
        }
    }

    public func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer {
        let rows = contents.withLock { contents in
            contents.hours.compactMap { key, totals -> (key: String, hourStart: Int64, amounts: Totals)? in
                guard key.series.dimension == query.dimension, key.hourStart >= query.from, key.hourStart < query.to else { return nil }
                return (key.series.key, key.hourStart, totals)
            }
        }
        return HistoryAnswer(query: query, hourlyRows: rows)
    }

    public func prune(before: Int64) throws(LedgerStoreError) -> Int {
        contents.withLock { contents in
            let old = contents.hours.keys.filter { $0.hourStart < before }
            for key in old { contents.hours[key] = nil }
            return old.count
        }
    }

    public func diskBytes() -> Int64 { 0 }
}
