import Foundation
import Yams

/// Loads govtop's configuration file: YAML, every key optional, validated in full before use.
///
/// The first problem in the file is reported as a `ConfigError` naming the file, line, column
/// and key; nothing is partly applied.
public enum ConfigLoader {
    /// Larger files are refused before they are parsed.
    public static let maximumFileBytes = 4 << 20

    /// Reads and validates the file at `path`, and the files it names (`pricing_file`, relative to
    /// the configuration file's directory).
    public static func load(path: String) throws(ConfigError) -> GovTopConfiguration {
        var configuration = try load(yaml: try text(ofFileAt: path), source: path)
        try configuration.loadPricingFile(relativeTo: (path as NSString).deletingLastPathComponent)
        configuration.access.resolvePaths(relativeTo: (path as NSString).deletingLastPathComponent)
        return configuration
    }

    /// Validates a document; `source` names it in errors and becomes `GovTopConfiguration.source`.
    /// Files it names are not read (`load(path:)` reads them).
    ///
    /// An empty document (or one with only comments) gives the defaults. A leading byte order
    /// mark is ignored.
    public static func load(yaml: String, source: String) throws(ConfigError) -> GovTopConfiguration {
        let root = try YAMLDocument.compose(yaml, source: source)
        var configuration = GovTopConfiguration()
        if let root {
            configuration = try ConfigDocument.read(ConfigNode(node: root, path: "", document: DocumentContext(file: source)))
        }
        configuration.source = source
        return configuration
    }

    /// The configuration file used when none is named: `$XDG_CONFIG_HOME/govtop/config.yaml` when
    /// `XDG_CONFIG_HOME` is set to an absolute path, else `$HOME/.config/govtop/config.yaml`; nil
    /// when that file does not exist (then the defaults apply).
    public static func defaultPath(environment: [String: String]) -> String? {
        let base: String
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".config")
        } else {
            return nil
        }
        let path = ((base as NSString).appendingPathComponent("govtop") as NSString).appendingPathComponent("config.yaml")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return path
    }

    /// The file's text, with a clear error when it is missing, a directory, unreadable, too large
    /// or not UTF-8.
    static func text(ofFileAt path: String) throws(ConfigError) -> String {
        try TextFile.read(path, kind: "configuration file", missing: "no such file", maximumBytes: maximumFileBytes)
    }
}
