import Foundation
import GovTopCore

extension GovTopConfiguration {
    /// Replaces the shipped pricing table by the `pricing_file` (a path relative to `directory`
    /// unless absolute), validated in full, with the `pricing:` entries laid over it. Does nothing
    /// without a `pricing_file`. `ConfigLoader.load(path:)` calls it.
    ///
    /// - Throws: `ConfigError` at the `pricing_file` key, naming the pricing file and what is wrong in it.
    public mutating func loadPricingFile(relativeTo directory: String) throws(ConfigError) {
        guard let setting = pricingFile else { return }
        let path = setting.path.hasPrefix("/") ? setting.path : (directory as NSString).appendingPathComponent(setting.path)
        func failure(_ message: String) -> ConfigError {
            ConfigError(file: source ?? "configuration", line: setting.line, column: setting.column, keyPath: "pricing_file", message: message)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw failure("cannot read the pricing file \(path): \((error as NSError).localizedDescription)")
        }
        guard data.count <= ConfigLoader.maximumFileBytes else {
            throw failure("the pricing file \(path) is larger than \(ConfigLoader.maximumFileBytes >> 20)MiB")
        }
        do {
            let table = try PricingTable(jsonData: data, source: path)
            engine.pricing = pricingOverrides.isEmpty ? table : try table.merging(overrides: pricingOverrides, source: "pricing")
        } catch {
            throw failure("the pricing file cannot be used: \(error)")
        }
    }
}
