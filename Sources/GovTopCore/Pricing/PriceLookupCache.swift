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
    private var resolved: [Key: ModelPrice?] = [:]

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
        guard model.utf8.count <= ModelNameNormalizer.maxLength else { return nil }
        let key = Key(model: model, provider: provider)
        if let known = resolved[key] { return known }
        let entry = table.price(forModel: model, provider: provider)
        if resolved.count >= capacity { resolved.removeAll(keepingCapacity: true) }
        resolved[key] = entry
        return entry
    }

    public mutating func estimate(model: String, provider: String? = nil, usage: TokenUsage) -> CostEstimate {
        guard let entry = price(forModel: model, provider: provider) else { return .unpriced }
        return .priced(usd: CostEstimator.cost(of: usage, at: entry))
    }
}
