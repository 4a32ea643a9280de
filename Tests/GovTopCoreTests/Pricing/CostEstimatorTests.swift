import Testing
import GovTopCore

@Suite struct CostEstimatorTests {
    static let estimator = CostEstimator(table: ModelMatchingTests.table)

    struct Case: Sendable, CustomStringConvertible {
        let model: String
        let usage: TokenUsage
        let expected: Double?
        let why: String
        var description: String { "\(model): \(why)" }
    }

    // Expected figures worked by hand from pricing.json (USD per 1M tokens), shown as
    // (tokens × price) sums over 1,000,000.
    static let cases: [Case] = [
        Case(model: "gpt-4o", usage: TokenUsage(input: 1000, output: 500),
             expected: (1000 * 2.5 + 500 * 10) / 1e6, why: "plain input and output = 0.0075"),
        Case(model: "gpt-4o-2024-08-06", usage: TokenUsage(input: 1000, output: 500, cachedInput: 400),
             expected: (600 * 2.5 + 400 * 1.25 + 500 * 10) / 1e6, why: "cached part of input at the cached price = 0.007"),
        Case(model: "claude-sonnet-4-5-20250929", usage: TokenUsage(input: 10_000, output: 1000, cachedInput: 6000, cacheWrite: 2000),
             expected: (2000 * 3 + 6000 * 0.3 + 2000 * 3.75 + 1000 * 15) / 1e6, why: "reads and writes at their own prices = 0.0303"),
        Case(model: "claude-sonnet-4-5", usage: TokenUsage(input: 300_000, output: 2000, cachedInput: 100_000),
             expected: (200_000 * 6 + 100_000 * 0.6 + 2000 * 22.5) / 1e6, why: "prompt over 200K uses long-context rates = 1.305"),
        Case(model: "chatgpt-4o-latest", usage: TokenUsage(input: 10_000, output: 1000, cachedInput: 4000),
             expected: (6000 * 5 + 4000 * 5 + 1000 * 15) / 1e6, why: "no cached price: cached at the input price = 0.065"),
        Case(model: "gpt-4.1", usage: TokenUsage(input: 100, output: 0, cachedInput: 80, cacheWrite: 50),
             expected: (0 * 2.0 + 80 * 0.5 + 50 * 2.0) / 1e6, why: "cache counts above input clamp uncached at 0; write at input price = 0.00014"),
        Case(model: "o3-mini", usage: TokenUsage(input: 2000, output: 3000, reasoning: 2500),
             expected: (2000 * 1.1 + 3000 * 4.4) / 1e6, why: "reasoning is inside output, not added = 0.0154"),
        Case(model: "gpt-4o-mini", usage: TokenUsage(input: -5, output: 1000, cachedInput: -3),
             expected: (1000 * 0.6) / 1e6, why: "negative counts count as zero = 0.0006"),
        Case(model: "models/gemini-2.5-pro", usage: TokenUsage(input: 200_000),
             expected: (200_000 * 1.25) / 1e6, why: "exactly at the threshold stays in the base tier = 0.25"),
        Case(model: "gemini-2.5-pro", usage: TokenUsage(input: 200_001),
             expected: (200_001 * 2.5) / 1e6, why: "one token over the threshold = 0.5000025"),
        Case(model: "claude-haiku-5-5", usage: TokenUsage(input: 150_000, output: 10_000),
             expected: (150_000 * 0.5 + 10_000 * 2.5) / 1e6, why: "long tier also raises the output price = 0.1"),
        Case(model: "text-embedding-3-small", usage: TokenUsage(input: 1_000_000),
             expected: 0.02, why: "embedding input only"),
        Case(model: "meta.llama3-70b-instruct-v1:0", usage: TokenUsage(input: 4000, output: 1000),
             expected: (4000 * 2.65 + 1000 * 3.5) / 1e6, why: "Bedrock id = 0.0141"),
        Case(model: "claude-opus-4-6", usage: TokenUsage(),
             expected: 0, why: "no tokens cost nothing but are still priced"),
        Case(model: "no-such-model-1", usage: TokenUsage(input: 1000, output: 1000),
             expected: nil, why: "unknown model is unpriced, never $0"),
    ]

    @Test(arguments: cases)
    func estimatesByHandFigures(_ item: Case) throws {
        let estimate = Self.estimator.estimate(model: item.model, usage: item.usage)
        guard let expected = item.expected else {
            #expect(estimate == .unpriced)
            return
        }
        let usd = try #require(estimate.usd, "expected a price for \(item.model)")
        #expect(abs(usd - expected) < 1e-12, "\(item.why): got \(usd)")
    }

    @Test func hugeCountsDoNotTrap() throws {
        let usage = TokenUsage(input: .max, output: .max, cachedInput: .max, cacheWrite: .max, reasoning: .max)
        let usd = try #require(Self.estimator.estimate(model: "gpt-4o", usage: usage).usd)
        #expect(usd.isFinite && usd > 0)
    }
}
