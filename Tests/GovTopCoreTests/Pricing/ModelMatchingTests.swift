import Testing
@testable import GovTopCore

@Suite struct ModelMatchingTests {
    static let table: PricingTable = {
        do { return try PricingTable.builtIn() } catch { fatalError("shipped pricing table does not load: \(error)") }
    }()

    /// (name as seen on a span, canonical entry expected; nil = unpriced)
    static let cases: [(String, String?)] = [
        ("gpt-4o", "gpt-4o"),
        ("GPT-4o", "gpt-4o"),
        ("  gpt-4o\n", "gpt-4o"),
        ("openai/gpt-4o", "gpt-4o"),
        ("azure/gpt-4.1-mini", "gpt-4.1-mini"),
        ("gpt-4o-2024-08-06", "gpt-4o"),
        ("gpt-4o-2024-05-13", "gpt-4o-2024-05-13"),
        ("gpt-4o-mini", "gpt-4o-mini"),
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("o3", "o3"),
        ("o3-2025-04-16", "o3"),
        ("o3-mini", "o3-mini"),
        ("o3-mini-2025-01-31", "o3-mini"),
        ("o4-mini-2025-04-16", "o4-mini"),
        ("o1-preview", "o1-preview"),
        ("gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"),
        ("gpt-4-0613", "gpt-4"),
        ("gpt-4-1106-preview", "gpt-4-turbo"),
        ("gpt-4-turbo-2024-04-09", "gpt-4-turbo"),
        ("gpt-3.5-turbo-0125", "gpt-3.5-turbo"),
        ("gpt-3.5-turbo-1106", "gpt-3.5-turbo-1106"),
        ("gpt-3.5-turbo-instruct", "gpt-3.5-turbo-instruct"),
        ("gpt-5-chat-latest", "gpt-5"),
        ("gpt-5-2025-08-07", "gpt-5"),
        ("text-embedding-3-small", "text-embedding-3-small"),
        ("claude-3-5-sonnet-20241022", "claude-3-5-sonnet"),
        ("claude-3-5-sonnet-latest", "claude-3-5-sonnet"),
        ("anthropic/claude-3.5-sonnet", "claude-3-5-sonnet"),
        ("anthropic/claude-3.5-sonnet:beta", "claude-3-5-sonnet"),
        ("anthropic.claude-3-5-sonnet-20241022-v2:0", "claude-3-5-sonnet"),
        ("us.anthropic.claude-3-7-sonnet-20250219-v1:0", "claude-3-7-sonnet-latest"),
        ("eu.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-0"),
        ("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5"),
        ("claude-3-5-sonnet-v2@20241022", "claude-3-5-sonnet"),
        ("claude-3-5-haiku@20241022", "claude-3-5-haiku-latest"),
        ("claude-opus-4-20250514", "claude-opus-4-0"),
        ("claude-opus-4-0", "claude-opus-4-0"),
        ("claude-opus-4-1-20250805", "claude-opus-4-1"),
        ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
        ("claude-sonnet-4.5", "claude-sonnet-4-5"),
        ("anthropic.claude-opus-4-6-v1", "claude-opus-4-6"),
        ("claude-opus-4-6[1m]", "claude-opus-4-6"),
        ("claude-3-haiku-20240307", "claude-3-haiku"),
        ("claude-sonnet-5-5", "claude-sonnet-5-5"),
        ("models/gemini-1.5-pro", "gemini-1.5-pro"),
        ("gemini-1.5-pro-002", "gemini-1.5-pro"),
        ("gemini-1.5-flash-latest", "gemini-1.5-flash"),
        ("gemini-2.0-flash-001", "gemini-2.0-flash"),
        ("gemini-2.0-flash-lite-001", "gemini-2.0-flash-lite"),
        ("gemini-2.5-pro-preview-05-06", "gemini-2.5-pro"),
        ("projects/acme/locations/us-central1/publishers/google/models/gemini-2.5-flash", "gemini-2.5-flash"),
        ("gemini-3-pro-preview", "gemini-3-pro-preview"),
        ("meta.llama3-70b-instruct-v1:0", "llama3-70b-instruct"),
        ("meta.llama3-8b-instruct-v1:0", "llama3-8b-instruct"),
        ("us.meta.llama3-1-8b-instruct-v1:0", "llama3-1-8b-instruct"),
        ("mistral-large-latest", "mistral-large"),
        ("mistral-large-2411", "mistral-large"),
        ("mistral/codestral-2508", "codestral-2508"),
        ("mistral-small-2503", "mistral-small-latest"),
        ("command-r-plus-08-2024", "command-r-plus"),
        ("command-r7b-12-2024", "command-r7b"),
        ("command-a-03-2025", "command-a"),
        ("cohere.command-r-v1:0", "command-r"),
        ("us.cohere.command-r-plus-v1:0", "command-r-plus"),
        ("deepseek-v4-flash", "deepseek-v4-flash"),
        ("xai/grok-4-0709", "grok-4-0709"),
        ("grok-2-1212", "grok-2-1212"),
        ("CLAUDE-3-5-SONNET-20241022", "claude-3-5-sonnet"),
        ("Gemini-2.0-Flash-001", "gemini-2.0-flash"),
        // genai-prices prices these (text tokens of a TTS model, reasoning-effort and -latest names).
        ("gpt-4o-mini-tts", "gpt-4o-mini-tts"),
        ("gpt-5.6-sol", "gpt-5.6-sol"),
        ("o3-mini-high", "o3-mini"),
        ("mistral-medium-latest", "mistral-medium-latest"),
        // Negatives: nothing the table knows, and no falling back to a shorter family name.
        ("", nil),
        ("   ", nil),
        ("gpt-5.9-nova", nil),
        ("o4", nil),
        ("claude", nil),
        ("llama-2-70b-chat", nil),
        ("gemini-1.5", nil),
        ("ft:gpt-4o-mini-2024-07-18:acme::abc123", nil),
        ("my-company/finetuned-model", nil),
        ("gpt\u{2010}4o", nil),
        ("ＧＰＴ-4o", nil),
        ("gpt-4o\u{0}", nil),
        ("openai/" + String(repeating: "a/", count: 200) + "gpt-4o", nil),
    ]

    @Test(arguments: cases)
    func matchesTheMostSpecificEntry(_ name: String, _ expected: String?) {
        #expect(Self.table.price(forModel: name)?.name == expected)
    }

    @Test func aDatedSnapshotPricedApartBeatsItsFamily() throws {
        let snapshot = try #require(Self.table.price(forModel: "gpt-4o-2024-05-13"))
        let family = try #require(Self.table.price(forModel: "gpt-4o-2024-08-06"))
        #expect(snapshot.rates.input == 5)
        #expect(family.rates.input == 2.5)
    }

    @Test func reportsTheSpellingThatMatched() throws {
        let match = try #require(Self.table.match(model: "us.anthropic.claude-3-7-sonnet-20250219-v1:0"))
        #expect(match.matchedName == "claude-3-7-sonnet")
        #expect(match.entry.provider == "anthropic")
    }

    @Test func aProviderSpecificEntryWinsForItsProviderOnly() throws {
        let base = try PricingTable(asOf: "2026-01-01", entries: [
            ModelPrice(name: "llama-3.3-70b", provider: "aws.bedrock", rates: TokenRates(input: 0.72, output: 0.72)),
            ModelPrice(name: "llama-3.3-70b", provider: "groq", rates: TokenRates(input: 0.59, output: 0.79)),
        ])
        #expect(base.price(forModel: "llama-3.3-70b", provider: "groq")?.rates.input == 0.59)
        #expect(base.price(forModel: "llama-3.3-70b", provider: "GROQ")?.rates.input == 0.59)
        #expect(base.price(forModel: "llama-3.3-70b", provider: "aws.bedrock")?.rates.input == 0.72)
        #expect(base.price(forModel: "llama-3.3-70b", provider: "together")?.rates.input == 0.72)
        #expect(base.price(forModel: "llama-3.3-70b")?.rates.input == 0.72)
    }

    @Test func candidatesGoFromMostToLeastSpecific() {
        #expect(ModelNameNormalizer.candidates(for: "us.anthropic.claude-3-5-sonnet-20241022-v2:0") == [
            "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
            "anthropic.claude-3-5-sonnet-20241022-v2:0",
            "claude-3-5-sonnet-20241022-v2:0",
            "claude-3-5-sonnet-20241022",
            "claude-3-5-sonnet",
        ])
        #expect(ModelNameNormalizer.candidates(for: "OpenAI/GPT-4o-2024-08-06") == [
            "openai/gpt-4o-2024-08-06", "gpt-4o-2024-08-06", "gpt-4o",
        ])
        #expect(ModelNameNormalizer.candidates(for: "anthropic/claude-3.5-sonnet:beta") == [
            "anthropic/claude-3.5-sonnet:beta", "claude-3.5-sonnet:beta", "claude-3.5-sonnet", "claude-3-5-sonnet",
        ])
        #expect(ModelNameNormalizer.candidates(for: String(repeating: "x", count: ModelNameNormalizer.maxLength + 1)).isEmpty)
    }
}
