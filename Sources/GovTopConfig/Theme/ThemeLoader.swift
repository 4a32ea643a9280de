import Foundation
import GovTopTheme
import Yams

/// Reads theme files (the format is documented at the top of themes/default.yaml) into `Theme`s,
/// validated in full: the first problem is a `ConfigError` naming the file, line, column and key,
/// such as `themes/bad.yaml:7:9: roles.selection.fg: unknown colour "blu"; did you mean "blue"?`.
public enum ThemeLoader {
    /// Larger files are refused before they are parsed; a theme is about two kilobytes.
    public static let maximumFileBytes = 1 << 20

    /// Reads and validates the theme file at `path`. A file without `name:` is named after the
    /// file (`ocean.yaml` is "ocean").
    public static func load(path: String) throws(ConfigError) -> Theme {
        try load(yaml: try text(ofFileAt: path), source: path)
    }

    /// Validates a theme document; `source` names it in errors and, without a `name:` key, gives
    /// the theme its name.
    public static func load(yaml: String, source: String) throws(ConfigError) -> Theme {
        let root = try YAMLDocument.compose(yaml, source: source)
        let fallbackName = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let root else { return Theme.make(name: fallbackName, palette: [:], roles: [:]) }
        return try ThemeDocument.read(ConfigNode(node: root, path: "", document: DocumentContext(file: source)),
                                      fallbackName: fallbackName)
    }

    /// The file's text, with a clear error when it is missing, a directory, unreadable, too large
    /// or not UTF-8.
    static func text(ofFileAt path: String) throws(ConfigError) -> String {
        try TextFile.read(path, kind: "theme file", missing: "no such theme file", maximumBytes: maximumFileBytes)
    }
}
