/// A model the demo fleet calls: how spans name it, what it costs, and how fast it answers.
///
/// Prices are list prices per million tokens, the same as the shipped pricing table's for the models
/// it knows; the demo uses them to compute the cost that some spans report (`genops.cost.total`,
/// `gen_ai.usage.cost`), so a reported cost never depends on govtop's own table. A model with no
/// price (`northwind-support-13b`, self-hosted) reports tokens only and shows up as unpriced.
struct DemoModel: Sendable {
    /// `gen_ai.request.model`.
    let request: String
    /// `gen_ai.response.model`: the dated snapshot the provider answered with.
    let response: String
    /// `gen_ai.provider.name`.
    let provider: String
    /// The legacy `gen_ai.system` spelling (e.g. `gemini`, normalized to `gcp.gemini`).
    let legacySystem: String
    /// The Vercel AI SDK `ai.model.provider` spelling, where that SDK supports the provider.
    let vercelProvider: String?
    let inputPerMillion: Double?
    let outputPerMillion: Double?
    let cachedInputPerMillion: Double?
    /// Whether answers include reasoning tokens.
    let reasons: Bool
    /// Output tokens per second once streaming.
    let tokensPerSecond: Double
    /// Seconds to the first token, as quantiles.
    let firstToken: [Double]

    /// The list-price cost of a call, nil when the model has no price.
    func cost(input: Int64, cachedInput: Int64, output: Int64) -> Double? {
        guard let inputPrice = inputPerMillion, let outputPrice = outputPerMillion else { return nil }
        let cachedPrice = cachedInputPerMillion ?? inputPrice
        let uncached = Double(max(0, input - cachedInput))
        return (uncached * inputPrice + Double(cachedInput) * cachedPrice + Double(output) * outputPrice) / 1_000_000
    }

    var caches: Bool { cachedInputPerMillion != nil }
}

extension DemoModel {
    static let gpt4o = DemoModel(
        request: "gpt-4o", response: "gpt-4o-2024-08-06", provider: "openai", legacySystem: "openai",
        vercelProvider: "openai.chat", inputPerMillion: 2.5, outputPerMillion: 10, cachedInputPerMillion: 1.25,
        reasons: false, tokensPerSecond: 85, firstToken: [0.25, 0.35, 0.45, 0.6, 1.2])
    static let gpt4oMini = DemoModel(
        request: "gpt-4o-mini", response: "gpt-4o-mini-2024-07-18", provider: "openai", legacySystem: "openai",
        vercelProvider: "openai.chat", inputPerMillion: 0.15, outputPerMillion: 0.6, cachedInputPerMillion: 0.075,
        reasons: false, tokensPerSecond: 110, firstToken: [0.2, 0.3, 0.4, 0.5, 0.9])
    static let gpt41Mini = DemoModel(
        request: "gpt-4.1-mini", response: "gpt-4.1-mini-2025-04-14", provider: "openai", legacySystem: "openai",
        vercelProvider: "openai.chat", inputPerMillion: 0.4, outputPerMillion: 1.6, cachedInputPerMillion: 0.1,
        reasons: false, tokensPerSecond: 100, firstToken: [0.2, 0.3, 0.4, 0.55, 1.0])
    static let o3Mini = DemoModel(
        request: "o3-mini", response: "o3-mini-2025-01-31", provider: "openai", legacySystem: "openai",
        vercelProvider: "openai.chat", inputPerMillion: 1.1, outputPerMillion: 4.4, cachedInputPerMillion: 0.55,
        reasons: true, tokensPerSecond: 140, firstToken: [1.0, 2.0, 3.0, 4.5, 9.0])
    static let o1 = DemoModel(
        request: "o1", response: "o1-2024-12-17", provider: "openai", legacySystem: "openai",
        vercelProvider: "openai.chat", inputPerMillion: 15, outputPerMillion: 60, cachedInputPerMillion: 7.5,
        reasons: true, tokensPerSecond: 90, firstToken: [3.0, 5.0, 7.0, 9.0, 14.0])
    static let claudeSonnet = DemoModel(
        request: "claude-sonnet-4-5", response: "claude-sonnet-4-5-20250929", provider: "anthropic",
        legacySystem: "anthropic", vercelProvider: "anthropic.messages", inputPerMillion: 3, outputPerMillion: 15,
        cachedInputPerMillion: 0.3, reasons: false, tokensPerSecond: 65, firstToken: [0.5, 0.7, 0.9, 1.2, 2.2])
    static let claudeHaiku = DemoModel(
        request: "claude-haiku-4-5", response: "claude-haiku-4-5-20251001", provider: "anthropic",
        legacySystem: "anthropic", vercelProvider: "anthropic.messages", inputPerMillion: 1, outputPerMillion: 5,
        cachedInputPerMillion: 0.1, reasons: false, tokensPerSecond: 130, firstToken: [0.3, 0.4, 0.5, 0.7, 1.3])
    static let claudeOpus = DemoModel(
        request: "claude-opus-4-1", response: "claude-opus-4-1-20250805", provider: "anthropic",
        legacySystem: "anthropic", vercelProvider: "anthropic.messages", inputPerMillion: 15, outputPerMillion: 75,
        cachedInputPerMillion: 1.5, reasons: false, tokensPerSecond: 40, firstToken: [1.0, 1.5, 2.0, 3.0, 5.0])
    static let geminiFlash = DemoModel(
        request: "gemini-2.5-flash", response: "gemini-2.5-flash", provider: "gcp.gemini", legacySystem: "gemini",
        vercelProvider: nil, inputPerMillion: 0.3, outputPerMillion: 2.5, cachedInputPerMillion: nil,
        reasons: true, tokensPerSecond: 180, firstToken: [0.25, 0.35, 0.5, 0.7, 1.5])
    static let geminiPro = DemoModel(
        request: "gemini-2.5-pro", response: "gemini-2.5-pro", provider: "gcp.gemini", legacySystem: "gemini",
        vercelProvider: nil, inputPerMillion: 1.25, outputPerMillion: 10, cachedInputPerMillion: 0.125,
        reasons: true, tokensPerSecond: 95, firstToken: [1.5, 2.5, 3.5, 5.0, 9.0])
    static let mistralLarge = DemoModel(
        request: "mistral-large-latest", response: "mistral-large-2512", provider: "mistral_ai",
        legacySystem: "mistral_ai", vercelProvider: nil, inputPerMillion: 0.5, outputPerMillion: 1.5,
        cachedInputPerMillion: nil, reasons: false, tokensPerSecond: 60, firstToken: [0.3, 0.45, 0.6, 0.8, 1.6])
    static let llama70b = DemoModel(
        request: "meta.llama3-70b-instruct-v1:0", response: "meta.llama3-70b-instruct-v1:0", provider: "aws.bedrock",
        legacySystem: "aws.bedrock", vercelProvider: nil, inputPerMillion: 2.65, outputPerMillion: 3.5,
        cachedInputPerMillion: nil, reasons: false, tokensPerSecond: 45, firstToken: [0.4, 0.6, 0.8, 1.1, 2.0])
    /// Self-hosted and unknown to the pricing table.
    static let northwind = DemoModel(
        request: "northwind-support-13b", response: "northwind-support-13b", provider: "vllm", legacySystem: "vllm",
        vercelProvider: nil, inputPerMillion: nil, outputPerMillion: nil, cachedInputPerMillion: nil,
        reasons: false, tokensPerSecond: 40, firstToken: [0.15, 0.25, 0.35, 0.5, 1.0])
}
