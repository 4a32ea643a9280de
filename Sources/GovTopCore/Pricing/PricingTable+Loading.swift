import Foundation

extension PricingTable {
    /// The name of the pricing file shipped in the GovTopCore bundle.
    public static let builtInFileName = "pricing.json"

    /// The shipped table, loaded once. The file is validated by the tests, so a failure here is a
    /// packaging defect rather than bad input.
    public static let shipped: PricingTable = {
        do {
            return try builtIn()
        } catch {
            preconditionFailure("the built-in pricing table is broken: \(error)")
        }
    }()

    /// The pricing table shipped with govtop (`Sources/GovTopCore/Pricing/pricing.json`).
    public static func builtIn() throws(PricingError) -> PricingTable {
        guard let url = Bundle.module.url(forResource: "pricing", withExtension: "json") else {
            throw PricingError(source: builtInFileName, message: "is missing from the GovTopCore resource bundle; reinstall govtop")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PricingError(source: builtInFileName, message: "cannot be read: \(error.localizedDescription)")
        }
        return try PricingTable(jsonData: data, source: builtInFileName)
    }

    /// Parses and validates a pricing file.
    ///
    /// The form is `{"as_of": "YYYY-MM-DD", "sources": [...], "models": [entry, ...]}` where an entry
    /// is `{"name", "provider", "input", "output", "cached_input"?, "cache_write"?, "aliases"?,
    /// "note"?, "long_context"?: {"above_input_tokens", "input", "output", "cached_input"?,
    /// "cache_write"?}}` with prices in USD per 1M tokens. Unknown keys are errors, so a misspelt
    /// price is reported instead of silently ignored.
    public init(jsonData: Data, source: String) throws(PricingError) {
        let root: PricingJSONValue
        do {
            root = try JSONDecoder().decode(PricingJSONValue.self, from: jsonData)
        } catch {
            throw PricingError(source: source, message: "is not valid JSON (\(Self.reason(error)))")
        }
        guard case .object(let members) = root else {
            throw PricingError(source: source, message: "must be a JSON object with 'as_of' and 'models', found \(root.kind)")
        }
        let file = FieldReader(members: members, source: source, entry: nil, keyPrefix: "")
        try file.rejectUnknownKeys(allowed: ["as_of", "currency", "unit", "sources", "note", "models"])
        let asOf = try file.requiredString("as_of")
        if let currency = try file.optionalString("currency"), currency != "USD" {
            throw PricingError(source: source, key: "currency", message: "is '\(currency)', but prices must be in USD")
        }
        if let unit = try file.optionalString("unit"), unit != "per_million_tokens" {
            throw PricingError(source: source, key: "unit", message: "is '\(unit)', but prices must be per_million_tokens")
        }
        let sources = try file.optionalStrings("sources") ?? []
        guard case .array(let models)? = members["models"] else {
            throw PricingError(source: source, key: "models", message: members["models"] == nil ? "is missing" : "must be an array of model entries")
        }
        var entries: [ModelPrice] = []
        entries.reserveCapacity(models.count)
        for (index, value) in models.enumerated() {
            entries.append(try Self.entry(from: value, index: index, source: source))
        }
        try self.init(asOf: asOf, entries: entries, sources: sources, source: source)
    }

    private static func entry(from value: PricingJSONValue, index: Int, source: String) throws(PricingError) -> ModelPrice {
        guard case .object(let members) = value else {
            throw PricingError(source: source, entry: "models[\(index)]", message: "must be an object, found \(value.kind)")
        }
        var label = "models[\(index)]"
        if case .string(let name)? = members["name"] { label += " '\(name)'" }
        let reader = FieldReader(members: members, source: source, entry: label, keyPrefix: "")
        try reader.rejectUnknownKeys(allowed: ["name", "provider", "input", "output", "cached_input", "cache_write", "aliases", "note", "long_context"])
        var longContext: LongContextRates?
        if let tier = members["long_context"] {
            guard case .object(let tierMembers) = tier else {
                throw PricingError(source: source, entry: label, key: "long_context", message: "must be an object, found \(tier.kind)")
            }
            let tierReader = FieldReader(members: tierMembers, source: source, entry: label, keyPrefix: "long_context.")
            try tierReader.rejectUnknownKeys(allowed: ["above_input_tokens", "input", "output", "cached_input", "cache_write"])
            longContext = LongContextRates(
                aboveInputTokens: try tierReader.requiredTokenCount("above_input_tokens"),
                rates: try tierReader.rates()
            )
        }
        return ModelPrice(
            name: try reader.requiredString("name"),
            provider: try reader.requiredString("provider"),
            rates: try reader.rates(),
            longContext: longContext,
            aliases: try reader.optionalStrings("aliases") ?? [],
            note: try reader.optionalString("note")
        )
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return String(describing: error)
    }
}

/// Reads typed fields of one JSON object and reports problems with the entry and key.
private struct FieldReader {
    let members: [String: PricingJSONValue]
    let source: String
    let entry: String?
    let keyPrefix: String

    func fail(_ key: String, _ message: String) -> PricingError {
        PricingError(source: source, entry: entry, key: keyPrefix + key, message: message)
    }

    func rejectUnknownKeys(allowed: Set<String>) throws(PricingError) {
        if let unknown = members.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw fail(unknown, "is not a known key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func requiredString(_ key: String) throws(PricingError) -> String {
        guard let value = try optionalString(key) else { throw fail(key, "is missing") }
        return value
    }

    func optionalString(_ key: String) throws(PricingError) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let text) = value else { throw fail(key, "must be a string, found \(value.kind)") }
        return text
    }

    func optionalStrings(_ key: String) throws(PricingError) -> [String]? {
        guard let value = members[key] else { return nil }
        guard case .array(let elements) = value else { throw fail(key, "must be an array of strings, found \(value.kind)") }
        var strings: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw fail(key, "must contain only strings, found \(element.kind)") }
            strings.append(text)
        }
        return strings
    }

    func requiredPrice(_ key: String) throws(PricingError) -> Double {
        guard let value = try optionalPrice(key) else { throw fail(key, "is missing (USD per 1M tokens)") }
        return value
    }

    func optionalPrice(_ key: String) throws(PricingError) -> Double? {
        guard let value = members[key] else { return nil }
        guard case .number(let number) = value else { throw fail(key, "must be a number (USD per 1M tokens), found \(value.kind)") }
        return number
    }

    func requiredTokenCount(_ key: String) throws(PricingError) -> Int64 {
        guard let value = members[key] else { throw fail(key, "is missing") }
        guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
            throw fail(key, "must be a whole number of tokens, found \(value.kind)")
        }
        return Int64(number)
    }

    func rates() throws(PricingError) -> TokenRates {
        TokenRates(
            input: try requiredPrice("input"),
            output: try requiredPrice("output"),
            cachedInput: try optionalPrice("cached_input"),
            cacheWrite: try optionalPrice("cache_write")
        )
    }
}
