import Foundation

/// One entry of the pricing table: a model, who sells it, what it costs, and other names it goes by.
///
/// `name` and `aliases` are matched case-insensitively. Dated and versioned spellings
/// (`gpt-4o-2024-08-06`, `claude-3-5-sonnet@20240620`, `anthropic.claude-...-v2:0`) are found by the
/// table's name matching and need no alias; aliases are for names matching cannot derive
/// (`claude-opus-4-0`, `gemini-3-pro-preview`, Bedrock ids whose price differs from the base name).
public struct ModelPrice: Sendable, Hashable {
    /// The canonical model name, as the provider's API spells it.
    public var name: String
    /// The provider that sells the model at these prices, as a `gen_ai.provider.name` value
    /// (`openai`, `anthropic`, `gcp.gemini`, `aws.bedrock`, ...).
    public var provider: String
    /// Standard prices (the tier for prompts up to `longContext.aboveInputTokens`, if any).
    public var rates: TokenRates
    /// The long-prompt tier, for models that have one.
    public var longContext: LongContextRates?
    public var aliases: [String]
    /// Free text about the figures (for example a time-of-day rule the table cannot express).
    public var note: String?

    public init(
        name: String,
        provider: String,
        rates: TokenRates,
        longContext: LongContextRates? = nil,
        aliases: [String] = [],
        note: String? = nil
    ) {
        self.name = name
        self.provider = provider
        self.rates = rates
        self.longContext = longContext
        self.aliases = aliases
        self.note = note
    }

    /// The rates that apply to a request whose prompt has `promptTokens` input tokens.
    public func rates(forPromptTokens promptTokens: Int64) -> TokenRates {
        if let longContext, promptTokens > longContext.aboveInputTokens {
            return longContext.rates
        }
        return rates
    }
}
