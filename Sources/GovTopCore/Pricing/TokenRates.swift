import Foundation

/// Prices in US dollars per one million tokens for one pricing tier of a model.
///
/// `cachedInput` (cache reads) and `cacheWrite` are optional: a model whose table entry has no such
/// price is charged the `input` price for those tokens.
public struct TokenRates: Sendable, Hashable {
    public var input: Double
    public var output: Double
    public var cachedInput: Double?
    public var cacheWrite: Double?

    public init(input: Double, output: Double, cachedInput: Double? = nil, cacheWrite: Double? = nil) {
        self.input = input
        self.output = output
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
    }

    /// The price charged for a cache read: the cached-input price, else the input price.
    public var effectiveCachedInput: Double { cachedInput ?? input }

    /// The price charged for a cache write: the cache-write price, else the input price.
    public var effectiveCacheWrite: Double { cacheWrite ?? input }
}

/// A higher tier that applies to a whole request once its prompt is longer than a threshold
/// (Gemini Pro above 200K, GPT-5.4 above 272K, Claude Sonnet 4.x with the 1M window above 200K...).
///
/// The prompt length compared with the threshold is the request's input tokens, which include
/// cached and cache-write tokens. When it is exceeded, every token of the request (output
/// included) is charged at these rates, as the providers bill it.
public struct LongContextRates: Sendable, Hashable {
    /// The tier applies when the prompt has strictly more input tokens than this.
    public var aboveInputTokens: Int64
    public var rates: TokenRates

    public init(aboveInputTokens: Int64, rates: TokenRates) {
        self.aboveInputTokens = aboveInputTokens
        self.rates = rates
    }
}
