import Foundation

/// The model prices govtop estimates cost with: validated entries plus an index of every name.
///
/// Built from the shipped `pricing.json` (`PricingTable.builtIn()`), from any JSON of the same
/// form (`init(jsonData:source:)`), or from entries; user overrides are laid on top with
/// `merging(overrides:)`. A table is immutable and `Sendable`, so one can be shared by every thread.
///
/// Lookup (`match(model:provider:)`) is case-insensitive and tries the spellings
/// `ModelNameNormalizer` derives from the name, most specific first, each as one hash lookup:
/// the first name the table knows wins. So an exact entry (`gpt-4o-2024-05-13`, priced apart)
/// beats the entry its stripped name would reach (`gpt-4o`). When a provider is given and an
/// entry was registered for that provider under the name, it is preferred; otherwise any
/// provider's entry for the name is used, because a model's list price is the best estimate
/// when the exact seller is unknown.
public struct PricingTable: Sendable {
    /// The date the prices were checked, `YYYY-MM-DD`.
    public let asOf: String
    public let entries: [ModelPrice]
    /// Where the figures were checked (free text, usually URLs).
    public let sources: [String]

    private let byName: [String: Int]
    private let byProviderAndName: [ProviderKey: Int]

    private struct ProviderKey: Hashable {
        let provider: String
        let name: String
    }

    /// Validates the entries and builds the name index.
    ///
    /// Throws if a name or price is missing or invalid, or if one provider lists the same name or
    /// alias twice; the error names the entry. Different providers may share a name.
    public init(asOf: String, entries: [ModelPrice], sources: [String] = [], source: String = "pricing table") throws(PricingError) {
        guard Self.isDate(asOf) else {
            throw PricingError(source: source, key: "as_of", message: "'\(asOf)' is not a date of the form YYYY-MM-DD")
        }
        var byName: [String: Int] = [:]
        var byProviderAndName: [ProviderKey: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let label = Self.label(entry, index: index)
            try Self.validate(entry, label: label, source: source)
            let provider = Self.providerKey(entry.provider)
            for name in [entry.name] + entry.aliases {
                let key = Self.nameKey(name)
                guard !key.isEmpty else {
                    throw PricingError(source: source, entry: label, key: "aliases", message: "an alias is empty")
                }
                let scoped = ProviderKey(provider: provider, name: key)
                if let other = byProviderAndName[scoped] {
                    throw PricingError(
                        source: source, entry: label,
                        message: "the name '\(key)' is already used by \(Self.label(entries[other], index: other)) for provider '\(provider)'; each name or alias may appear once per provider"
                    )
                }
                byProviderAndName[scoped] = index
                if byName[key] == nil { byName[key] = index }
            }
        }
        self.asOf = asOf
        self.entries = entries
        self.sources = sources
        self.byName = byName
        self.byProviderAndName = byProviderAndName
    }

    /// The entry for a model name as it appears on a span, or nil when the table does not know it.
    public func price(forModel model: String, provider: String? = nil) -> ModelPrice? {
        match(model: model, provider: provider)?.entry
    }

    /// The entry for a model name and the spelling that matched it, or nil when none does.
    public func match(model: String, provider: String? = nil) -> PriceMatch? {
        let scopedProvider = provider.map(Self.providerKey).flatMap { $0.isEmpty ? nil : $0 }
        var found: PriceMatch?
        ModelNameNormalizer.forEachCandidate(of: model) { candidate in
            if let scopedProvider, let index = byProviderAndName[ProviderKey(provider: scopedProvider, name: candidate)] {
                found = PriceMatch(entry: entries[index], matchedName: candidate)
            } else if let index = byName[candidate] {
                found = PriceMatch(entry: entries[index], matchedName: candidate)
            }
            return found != nil
        }
        return found
    }

    /// This table with `overrides` laid on top, for prices users set in their configuration.
    ///
    /// An override whose name and provider equal an entry's replaces that entry and keeps the
    /// replaced entry's aliases besides its own. Any other override is added. A name or alias an
    /// override claims is taken from the entries of the same provider that had it (an entry whose
    /// canonical name is claimed is dropped), so the override always wins. Two overrides may not
    /// claim one name for the same provider. The result is validated like any table.
    public func merging(overrides: [ModelPrice], source: String = "overrides") throws(PricingError) -> PricingTable {
        var claimed: [ProviderKey: Int] = [:]
        for (index, override) in overrides.enumerated() {
            try Self.validate(override, label: Self.label(override, index: index, list: "overrides"), source: source)
            for key in Self.keys(of: override) {
                if let other = claimed[key], other != index {
                    throw PricingError(
                        source: source, entry: Self.label(override, index: index, list: "overrides"),
                        message: "the name '\(key.name)' is also claimed by \(Self.label(overrides[other], index: other, list: "overrides")) for provider '\(key.provider)'"
                    )
                }
                claimed[key] = index
            }
        }
        var merged: [ModelPrice] = []
        var inherited: [Int: [String]] = [:]
        for entry in entries {
            let provider = Self.providerKey(entry.provider)
            if let owner = claimed[ProviderKey(provider: provider, name: Self.nameKey(entry.name))] {
                if Self.nameKey(overrides[owner].name) == Self.nameKey(entry.name) {
                    inherited[owner, default: []] += entry.aliases.filter { claimed[ProviderKey(provider: provider, name: Self.nameKey($0))] == nil }
                }
                continue
            }
            var kept = entry
            kept.aliases.removeAll { claimed[ProviderKey(provider: provider, name: Self.nameKey($0))] != nil }
            merged.append(kept)
        }
        for (index, override) in overrides.enumerated() {
            var added = override
            added.aliases += inherited[index] ?? []
            merged.append(added)
        }
        return try PricingTable(asOf: asOf, entries: merged, sources: sources, source: source)
    }

    private static func keys(of entry: ModelPrice) -> [ProviderKey] {
        let provider = providerKey(entry.provider)
        return ([entry.name] + entry.aliases).map { ProviderKey(provider: provider, name: nameKey($0)) }
    }

    static func nameKey(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func providerKey(_ provider: String) -> String {
        provider.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func label(_ entry: ModelPrice, index: Int, list: String = "models") -> String {
        "\(list)[\(index)] '\(entry.name)'"
    }

    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        for (offset, byte) in bytes.enumerated() where offset != 4 && offset != 7 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return false }
        }
        return true
    }

    private static func validate(_ entry: ModelPrice, label: String, source: String) throws(PricingError) {
        if entry.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw PricingError(source: source, entry: label, key: "name", message: "is empty")
        }
        if entry.provider.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw PricingError(source: source, entry: label, key: "provider", message: "is empty")
        }
        try validate(entry.rates, prefix: "", label: label, source: source)
        if let longContext = entry.longContext {
            guard longContext.aboveInputTokens > 0 else {
                throw PricingError(
                    source: source, entry: label, key: "long_context.above_input_tokens",
                    message: "must be a positive token count, got \(longContext.aboveInputTokens)"
                )
            }
            try validate(longContext.rates, prefix: "long_context.", label: label, source: source)
        }
    }

    private static func validate(_ rates: TokenRates, prefix: String, label: String, source: String) throws(PricingError) {
        let prices: [(String, Double?)] = [
            ("input", rates.input), ("output", rates.output),
            ("cached_input", rates.cachedInput), ("cache_write", rates.cacheWrite),
        ]
        for (key, value) in prices {
            guard let value else { continue }
            guard value.isFinite, value >= 0 else {
                throw PricingError(
                    source: source, entry: label, key: prefix + key,
                    message: "must be a price of zero or more (USD per 1M tokens), got \(value)"
                )
            }
        }
    }
}

/// A table entry found for a model name, and the spelling of the name that found it.
public struct PriceMatch: Sendable, Hashable {
    public var entry: ModelPrice
    /// The lowercased name or alias that matched, after removing prefixes and suffixes.
    public var matchedName: String
}
