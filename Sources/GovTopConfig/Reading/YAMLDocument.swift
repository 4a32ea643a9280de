import Yams

/// Parses YAML text into nodes that remember their line and column, for the configuration and
/// theme readers alike.
enum YAMLDocument {
    /// The document's root node (nil for an empty document). A leading byte order mark is ignored;
    /// syntax errors become a `ConfigError` at the line and column of the problem.
    static func compose(_ yaml: String, source: String) throws(ConfigError) -> Node? {
        let yaml = yaml.hasPrefix("\u{FEFF}") ? String(yaml.unicodeScalars.dropFirst()) : yaml
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw YAMLErrorMessage.configError(error, file: source, yaml: yaml)
        } catch {
            throw ConfigError(file: source, message: "is not valid YAML: \(error)")
        }
    }
}
