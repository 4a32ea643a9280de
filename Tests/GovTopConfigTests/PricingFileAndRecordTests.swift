import Foundation
import GovTopCore
import Testing
@testable import GovTopConfig

/// `pricing_file:` replaces the shipped table at start-up (with `pricing:` laid over it), and its
/// errors name the pricing file and the configuration line; `record:` reads its three keys.
@Suite struct PricingFileAndRecordTests {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static let prices = """
        {"as_of": "2027-01-01", "models": [
          {"name": "gpt-4o", "provider": "openai", "input": 1.0, "output": 4.0},
          {"name": "house-model", "provider": "acme", "input": 0.5, "output": 0.5}
        ]}
        """

    @Test func aPricingFileReplacesTheShippedTableRelativeToTheConfig() throws {
        let directory = try Self.directory()
        try FileManager.default.createDirectory(atPath: directory + "/prices", withIntermediateDirectories: true)
        try Self.prices.write(toFile: directory + "/prices/newer.json", atomically: true, encoding: .utf8)
        try """
            pricing_file: prices/newer.json
            pricing:
              - model: house-model
                provider: acme
                input: 0.25
                output: 0.25
            """.write(toFile: directory + "/config.yaml", atomically: true, encoding: .utf8)
        let configuration = try ConfigLoader.load(path: directory + "/config.yaml")
        let table = configuration.engine.pricing
        #expect(table.asOf == "2027-01-01")
        #expect(table.entries.count == 2)
        #expect(table.price(forModel: "gpt-4o")?.rates.input == 1.0)
        #expect(table.price(forModel: "house-model")?.rates.input == 0.25, "pricing: is laid over the file")
        #expect(table.price(forModel: "claude-haiku-4-5") == nil, "the shipped table is replaced, not merged")
    }

    @Test(arguments: [
        ("missing.json", nil as String?, "cannot read the pricing file"),
        ("bad.json", #"{"as_of": "2027-01-01", "models": [{"name": "x", "provider": "p", "input": -1, "output": 1}]}"#, "models[0] 'x'"),
        ("notjson.json", "{", "is not valid JSON"),
    ])
    func aBadPricingFileIsAnErrorNamingItAndTheLine(file: String, contents: String?, reason: String) throws {
        let directory = try Self.directory()
        if let contents { try contents.write(toFile: "\(directory)/\(file)", atomically: true, encoding: .utf8) }
        try "theme: mono\npricing_file: \(file)\n".write(toFile: directory + "/config.yaml", atomically: true, encoding: .utf8)
        let error = try #require(loadError(path: directory + "/config.yaml"))
        #expect(error.line == 2)
        #expect(error.keyPath == "pricing_file")
        #expect(error.description.contains("\(directory)/\(file)"))
        #expect(error.description.contains(reason), "\(error)")
    }

    @Test func recordReadsItsKeysAndChecksThem() throws {
        let configuration = try ConfigLoader.load(yaml: "record:\n  file: r.jsonl\n  max_bytes: 2MiB\n  keep: 0\n", source: "c.yaml")
        #expect(configuration.record == RecordSettings(file: "r.jsonl", maxFileBytes: 2 << 20, keepFiles: 0))
        #expect(loadError(yaml: "record:\n  max_bytes: 2MiB\n")?.description.contains("file") == true)
        #expect(loadError(yaml: "record:\n  file: r\n  keep: 1001\n")?.keyPath == "record.keep")
        #expect(loadError(yaml: "record:\n  file: r\n  rotate: 3\n")?.description.contains("unknown key") == true)
    }
}
