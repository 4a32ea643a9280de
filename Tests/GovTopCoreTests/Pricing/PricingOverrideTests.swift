import Testing
import GovTopCore

@Suite struct PricingOverrideTests {
    static func base() throws -> PricingTable {
        try PricingTable(asOf: "2026-01-01", entries: [
            ModelPrice(name: "gpt-4o", provider: "openai", rates: TokenRates(input: 2.5, output: 10, cachedInput: 1.25), aliases: ["gpt-4o-2024-11-20"]),
            ModelPrice(name: "claude-3-5-sonnet", provider: "anthropic", rates: TokenRates(input: 3, output: 15), aliases: ["claude-3-5-sonnet-20240620"]),
        ])
    }

    @Test func anOverrideReplacesThePriceAndKeepsTheAliases() throws {
        let merged = try Self.base().merging(overrides: [
            ModelPrice(name: "GPT-4o", provider: "openai", rates: TokenRates(input: 2, output: 8)),
        ])
        #expect(merged.entries.count == 2)
        #expect(merged.price(forModel: "gpt-4o")?.rates == TokenRates(input: 2, output: 8))
        #expect(merged.price(forModel: "gpt-4o-2024-11-20")?.rates.input == 2)
    }

    @Test func anOverrideAddsAModel() throws {
        let merged = try Self.base().merging(overrides: [
            ModelPrice(name: "acme-llm", provider: "acme", rates: TokenRates(input: 0.5, output: 1)),
        ])
        #expect(merged.entries.count == 3)
        #expect(merged.price(forModel: "acme/acme-llm-latest")?.name == "acme-llm")
        #expect(merged.asOf == "2026-01-01")
    }

    @Test func anOverrideTakesANameFromAnotherEntry() throws {
        let merged = try Self.base().merging(overrides: [
            ModelPrice(name: "sonnet-june", provider: "anthropic", rates: TokenRates(input: 1, output: 2), aliases: ["claude-3-5-sonnet-20240620"]),
        ])
        #expect(merged.price(forModel: "claude-3-5-sonnet-20240620")?.name == "sonnet-june")
        #expect(merged.price(forModel: "claude-3-5-sonnet")?.rates.input == 3)
    }

    @Test func aProviderScopedOverrideLeavesOtherProvidersAlone() throws {
        let merged = try Self.base().merging(overrides: [
            ModelPrice(name: "gpt-4o", provider: "azure.ai.openai", rates: TokenRates(input: 2.75, output: 11)),
        ])
        #expect(merged.entries.count == 3)
        #expect(merged.price(forModel: "gpt-4o", provider: "azure.ai.openai")?.rates.input == 2.75)
        #expect(merged.price(forModel: "gpt-4o", provider: "openai")?.rates.input == 2.5)
        #expect(merged.price(forModel: "gpt-4o")?.rates.input == 2.5)
    }

    /// (overrides, the error description they must give)
    static let invalidOverrides: [([ModelPrice], String)] = [
        ([ModelPrice(name: "gpt-4o", provider: "openai", rates: TokenRates(input: -1, output: 8))],
         "config: overrides[0] 'gpt-4o': 'input': must be a price of zero or more (USD per 1M tokens), got -1.0"),
        ([ModelPrice(name: "x", provider: "openai", rates: TokenRates(input: 1, output: .nan))],
         "config: overrides[0] 'x': 'output': must be a price of zero or more (USD per 1M tokens), got nan"),
        ([ModelPrice(name: "x", provider: "", rates: TokenRates(input: 1, output: 1))],
         "config: overrides[0] 'x': 'provider': is empty"),
        ([ModelPrice(name: "x", provider: "p", rates: TokenRates(input: 1, output: 1)),
          ModelPrice(name: "y", provider: "P", rates: TokenRates(input: 1, output: 1), aliases: ["X"])],
         "config: overrides[1] 'y': the name 'x' is also claimed by overrides[0] 'x' for provider 'p'"),
        ([ModelPrice(name: "x", provider: "p", rates: TokenRates(input: 1, output: 1),
                     longContext: LongContextRates(aboveInputTokens: -5, rates: TokenRates(input: 2, output: 2)))],
         "config: overrides[0] 'x': 'long_context.above_input_tokens': must be a positive token count, got -5"),
    ]

    @Test(arguments: invalidOverrides)
    func invalidOverridesAreRejectedWithTheirEntry(_ overrides: [ModelPrice], _ expected: String) throws {
        let base = try Self.base()
        do {
            _ = try base.merging(overrides: overrides, source: "config")
            Issue.record("accepted invalid overrides")
        } catch {
            #expect(error.description == expected)
        }
    }
}
