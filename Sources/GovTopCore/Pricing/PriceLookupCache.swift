import Foundation

/// Remembers which table entry each (model, provider) pair resolved to, for the ingest path.
///
/// Spans repeat a handful of model names; this skips the name normalisation for names seen
/// before. Unknown names are remembered too. The cache holds at most `capacity` names and is
/// emptied when full, so a stream of distinct names cannot grow it. It is a value with mutating
/// lookups: keep one per owner (the ledger, behind its lock), not shared between threads.
public struct PriceLookupCache: Sendable {
    public let table: PricingTable
    public let capacity: Int
    /// Position in `entries` of each name's entry; nil for names the table does not know.
    private var resolved: [Key: Int?] = [:]
    /// The entries resolved so far, read in place (copying an entry would retain its strings).
    private var entries: [ModelPrice] = []

    private struct Key: Hashable {
        let model: String
        let provider: String?
    }

    public init(table: PricingTable, capacity: Int = 1024) {
        self.table = table
        self.capacity = max(capacity, 1)
    }

    /// The number of names remembered now.
    public var count: Int { resolved.count }

    public mutating func price(forModel model: String, provider: String? = nil) -> ModelPrice? {
        position(forModel: model, provider: provider).map { entries[$0] }
    }

    public mutating func estimate(model: String, provider: String? = nil, usage: TokenUsage) -> CostEstimate {
        guard let position = position(forModel: model, provider: provider) else { return .unpriced }
        return .priced(usd: CostEstimator.cost(of: usage, at: entries[position]))
    }

    private mutating func position(forModel model: String, provider: String?) -> Int? {
        guard model.utf8.count <= ModelNameNormalizer.maxLength else { return nil }
        let key = Key(model: model, provider: provider)
        if let known = resolved[key] { return known }
        if resolved.count >= capacity {
            resolved.removeAll(keepingCapacity: true)
            entries.removeAll(keepingCapacity: true)
        }
        let position = table.price(forModel: model, provider: provider).map { entry in
            entries.append(entry)
            return entries.count - 1
        }
        resolved[key] = position
        return position
    }
}
