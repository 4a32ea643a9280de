import Foundation

extension ConfigLoader {
    /// The documented example configuration shipped with govtop (every key, with comments), for
    /// `govtop` to print or write as a starting point; nil if the resource bundle is missing.
    public static var exampleYAML: String? {
        guard let url = Bundle.module.url(forResource: "example-config", withExtension: "yaml"),
              let data = try? Data(contentsOf: url) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
