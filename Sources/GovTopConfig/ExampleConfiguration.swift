import Foundation

extension ConfigLoader {
    /// Where the documented example configuration shipped with govtop (every key, with comments)
    /// is installed; nil if the resource bundle is missing.
    public static var exampleURL: URL? {
        Bundle.module.url(forResource: "example-config", withExtension: "yaml")
    }

    /// The text of the example configuration, for `govtop` to print or write as a starting point.
    public static var exampleYAML: String? {
        guard let url = exampleURL, let data = try? Data(contentsOf: url) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
