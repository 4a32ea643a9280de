import Foundation
import Testing
import GovTopCore

@Suite struct PricingTableLoadingTests {
    @Test func shippedTableLoadsWithEnoughModelsAndProviders() throws {
        let table = try PricingTable.builtIn()
        #expect(table.entries.count >= 35)
        #expect(Set(table.entries.map(\.provider)).count >= 6)
        #expect(table.asOf == "2026-11-25")
        #expect(!table.sources.isEmpty)
    }

    @Test func shippedTableHasNoDuplicateNamesOrAliases() throws {
        let table = try PricingTable.builtIn()
        var seen: [String: String] = [:]
        var duplicates: [String] = []
        for entry in table.entries {
            for name in [entry.name] + entry.aliases {
                let key = name.lowercased()
                if let owner = seen[key] { duplicates.append("\(key) (\(owner) and \(entry.name))") }
                seen[key] = entry.name
            }
        }
        #expect(duplicates.isEmpty, "duplicates: \(duplicates)")
    }

    @Test func everyShippedAliasResolvesToItsOwnEntry() throws {
        let table = try PricingTable.builtIn()
        for entry in table.entries {
            for name in [entry.name] + entry.aliases {
                #expect(table.price(forModel: name)?.name == entry.name, "\(name) should resolve to \(entry.name)")
            }
        }
    }

    @Test func shippedLongContextTiersCostMoreThanTheBaseTier() throws {
        let table = try PricingTable.builtIn()
        for entry in table.entries {
            guard let tier = entry.longContext else { continue }
            #expect(tier.rates.input > entry.rates.input, "\(entry.name)")
            #expect(tier.rates.output >= entry.rates.output, "\(entry.name)")
        }
    }

    static let validEntry = #"{"name": "a", "provider": "p", "input": 1, "output": 2}"#

    static func file(_ models: String, asOf: String = "2026-01-01", extra: String = "") -> String {
        #"{"as_of": "\#(asOf)", \#(extra) "models": [\#(models)]}"#
    }

    /// (pricing file text, the error description it must give)
    static let invalidFiles: [(String, String)] = [
        (file(#"{"name": "a", "provider": "p", "output": 2}"#), "test.json: models[0] 'a': 'input': is missing (USD per 1M tokens)"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": -2}"#), "test.json: models[0] 'a': 'output': must be a price of zero or more (USD per 1M tokens), got -2.0"),
        (file(#"{"name": "a", "provider": "p", "input": "2.5", "output": 2}"#), "test.json: models[0] 'a': 'input': must be a number (USD per 1M tokens), found a string"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": 2, "cached_input": -0.1}"#), "test.json: models[0] 'a': 'cached_input': must be a price of zero or more (USD per 1M tokens), got -0.1"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": 2, "cache_read": 0.1}"#), "test.json: models[0] 'a': 'cache_read': is not a known key (expected one of: aliases, cache_write, cached_input, input, long_context, name, note, output, provider)"),
        (file(#"{"provider": "p", "input": 1, "output": 2}"#), "test.json: models[0]: 'name': is missing"),
        (file(#"{"name": "a", "input": 1, "output": 2}"#), "test.json: models[0] 'a': 'provider': is missing"),
        (file(#"{"name": " ", "provider": "p", "input": 1, "output": 2}"#), "test.json: models[0] ' ': 'name': is empty"),
        (file(validEntry + #", {"name": "b", "provider": "p", "input": 1, "output": 2, "aliases": ["A"]}"#), "test.json: models[1] 'b': the name 'a' is already used by models[0] 'a' for provider 'p'; each name or alias may appear once per provider"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": 2, "aliases": [3]}"#), "test.json: models[0] 'a': 'aliases': must contain only strings, found a number"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": 2, "long_context": {"input": 2, "output": 4}}"#), "test.json: models[0] 'a': 'long_context.above_input_tokens': is missing"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": 2, "long_context": {"above_input_tokens": 0, "input": 2, "output": 4}}"#), "test.json: models[0] 'a': 'long_context.above_input_tokens': must be a positive token count, got 0"),
        (file(#"{"name": "a", "provider": "p", "input": 1, "output": 2, "long_context": {"above_input_tokens": 1000, "input": 2}}"#), "test.json: models[0] 'a': 'long_context.output': is missing (USD per 1M tokens)"),
        (file(#""gpt-4o""#), "test.json: models[0]: must be an object, found a string"),
        (file(validEntry, asOf: "yesterday"), "test.json: 'as_of': 'yesterday' is not a date of the form YYYY-MM-DD"),
        (file(validEntry, extra: #""currency": "EUR","#), "test.json: 'currency': is 'EUR', but prices must be in USD"),
        (#"{"as_of": "2026-01-01", "models": {}}"#, "test.json: 'models': must be an array of model entries"),
        (#"{"as_of": "2026-01-01"}"#, "test.json: 'models': is missing"),
        (#"[1, 2]"#, "test.json: must be a JSON object with 'as_of' and 'models', found an array"),
    ]

    @Test(arguments: invalidFiles)
    func invalidFilesNameTheEntryAndKey(_ text: String, _ expected: String) {
        #expect(throws: PricingError.self) { try PricingTable(jsonData: Data(text.utf8), source: "test.json") }
        do {
            _ = try PricingTable(jsonData: Data(text.utf8), source: "test.json")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func malformedJSONIsReportedAsSuch() {
        do {
            _ = try PricingTable(jsonData: Data(#"{"as_of": "2026-01-01", "models": [}"#.utf8), source: "test.json")
            Issue.record("malformed JSON was accepted")
        } catch {
            #expect(error.description.hasPrefix("test.json: is not valid JSON ("))
        }
    }

    @Test func differentProvidersMayShareAName() throws {
        let text = Self.file(Self.validEntry + #", {"name": "a", "provider": "q", "input": 3, "output": 4}"#)
        let table = try PricingTable(jsonData: Data(text.utf8), source: "test.json")
        #expect(table.entries.count == 2)
        #expect(table.price(forModel: "a", provider: "q")?.rates.input == 3)
    }
}
