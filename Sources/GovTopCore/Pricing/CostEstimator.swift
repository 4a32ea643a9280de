import Foundation

/// The token counts of one request, as the semantic conventions define them.
///
/// `cachedInput` and `cacheWrite` are parts of `input`; `reasoning` is part of `output`.
/// Negative counts (from malformed telemetry) are treated as zero.
public struct TokenUsage: Sendable, Hashable {
    public var input: Int64
    public var output: Int64
    public var cachedInput: Int64
    public var cacheWrite: Int64
    public var reasoning: Int64

    public init(input: Int64 = 0, output: Int64 = 0, cachedInput: Int64 = 0, cacheWrite: Int64 = 0, reasoning: Int64 = 0) {
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.reasoning = reasoning
    }
}

/// The estimated cost of a request.
public enum CostEstimate: Sendable, Hashable {
    /// The cost in US dollars, from the pricing table.
    case priced(usd: Double)
    /// The table does not know the model: the request has a cost, but govtop cannot say what.
    case unpriced

    public var usd: Double? {
        if case .priced(let usd) = self { return usd }
        return nil
    }
}

/// Estimates the cost of requests from their token counts and a pricing table.
///
/// Input is split without double counting: cache reads are charged at the cached-input price,
/// cache writes at the cache-write price (each falling back to the input price where the table
/// has none), and only `input − cachedInput − cacheWrite` (never below zero) at the input price.
/// Reasoning tokens are already counted in `output` and add nothing. When the prompt is longer
/// than a model's long-context threshold the whole request uses the long-context rates.
public struct CostEstimator: Sendable {
    public let table: PricingTable

    public init(table: PricingTable) {
        self.table = table
    }

    public func estimate(model: String, provider: String? = nil, usage: TokenUsage) -> CostEstimate {
        guard let entry = table.price(forModel: model, provider: provider) else { return .unpriced }
        return .priced(usd: Self.cost(of: usage, at: entry))
    }

    /// The cost in US dollars of `usage` at the prices of `entry`.
    public static func cost(of usage: TokenUsage, at entry: ModelPrice) -> Double {
        let input = max(usage.input, 0)
        let output = max(usage.output, 0)
        let cached = max(usage.cachedInput, 0)
        let written = max(usage.cacheWrite, 0)
        let uncached = max(input - min(input, cached) - min(input, written), 0)
        let promptTokens = max(input, cached.addingReportingOverflow(written).partialValue)
        let rates = entry.rates(forPromptTokens: promptTokens)
        let dollarsTimesMillion = Double(uncached) * rates.input
            + Double(cached) * rates.effectiveCachedInput
            + Double(written) * rates.effectiveCacheWrite
            + Double(output) * rates.output
        return dollarsTimesMillion / 1_000_000
    }
}
