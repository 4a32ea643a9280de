import GovTopCore

/// Reads `pricing:`, a list of model prices in US dollars per 1M tokens that override or extend the
/// shipped table.
///
/// Besides each entry's own checks, no two names (model names and aliases, compared trimmed and
/// case-insensitively) may be claimed twice for one provider, as `PricingTable.merging` requires.
enum PricingSection {
    enum Expected {
        static let list = "a list of model prices"
        static let entry = "a mapping with model, provider, input and output"
        static let model = "a model name"
        static let provider = "a provider name such as openai or anthropic"
        static let price = "a price of 0 or more in US dollars per 1M tokens"
        static let aliases = "a list of other names of the model"
    }

    private struct Claim: Hashable {
        let provider: String
        let name: String
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> [ModelPrice] {
        var prices: [ModelPrice] = []
        var claims: [Claim: ConfigNode] = [:]
        for element in try node.list(expected: Expected.list) {
            let (price, names) = try entry(element)
            let provider = fold(price.provider)
            for (name, at) in names {
                let claim = Claim(provider: provider, name: fold(name))
                if let earlier = claims[claim] {
                    let line = earlier.mark.map { " (line \($0.line))" } ?? ""
                    throw at.error("the name \(Quoting.quoted(name)) is already priced by \(earlier.elementPath(within: node))\(line) for provider \(Quoting.quoted(price.provider)); each name or alias may be priced once per provider")
                }
                claims[claim] = at
            }
            prices.append(price)
        }
        return prices
    }

    private static func entry(_ node: ConfigNode) throws(ConfigError) -> (ModelPrice, [(String, ConfigNode)]) {
        var model: (String, ConfigNode)?
        var provider: String?
        var input: Double?
        var output: Double?
        var cachedInput: Double?
        var cacheWrite: Double?
        var aliases: [(String, ConfigNode)] = []
        for entry in try node.entries(expected: Expected.entry) {
            let value = entry.value
            switch entry.key {
            case "model": model = (try value.text(expected: Expected.model), value)
            case "provider": provider = try value.text(expected: Expected.provider)
            case "input": input = try price(value)
            case "output": output = try price(value)
            case "cached_input": cachedInput = try price(value)
            case "cache_write": cacheWrite = try price(value)
            case "aliases":
                aliases = []
                for alias in try value.list(expected: Expected.aliases) {
                    aliases.append((try alias.text(expected: Expected.aliases), alias))
                }
            default:
                throw entry.unknown(allowed: ConfigKeys.price)
            }
        }
        guard let model else { throw node.missing("model", expected: Expected.model) }
        guard let provider else { throw node.missing("provider", expected: Expected.provider) }
        guard let input else { throw node.missing("input", expected: Expected.price) }
        guard let output else { throw node.missing("output", expected: Expected.price) }
        let price = ModelPrice(
            name: model.0, provider: provider,
            rates: TokenRates(input: input, output: output, cachedInput: cachedInput, cacheWrite: cacheWrite),
            aliases: aliases.map(\.0)
        )
        return (price, [model] + aliases)
    }

    private static func price(_ value: ConfigNode) throws(ConfigError) -> Double {
        try value.number(expected: Expected.price) { $0 >= 0 }
    }

    private static func fold(_ name: String) -> String {
        name.trimmingWhitespace().lowercased()
    }
}
