import Foundation

/// A pricing table or override that cannot be used, with where the problem is and what to do.
///
/// `description` reads like `pricing.json: models[4] 'gpt-4o': 'input' is -2.5; prices must be
/// zero or more (USD per 1M tokens)`.
public struct PricingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or origin of the data (`pricing.json`, `config overrides`).
    public var source: String
    /// The entry at fault, as `models[4] 'gpt-4o'`, when the problem is inside one entry.
    public var entry: String?
    /// The key at fault, when one key is.
    public var key: String?
    public var message: String

    public init(source: String, entry: String? = nil, key: String? = nil, message: String) {
        self.source = source
        self.entry = entry
        self.key = key
        self.message = message
    }

    public var description: String {
        var parts = [source]
        if let entry { parts.append(entry) }
        if let key { parts.append("'\(key)'") }
        return parts.joined(separator: ": ") + ": " + message
    }
}
