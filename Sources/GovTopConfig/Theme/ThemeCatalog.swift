import Foundation
import GovTopTheme

/// Where themes are found by name, and how `--theme NAME|PATH` (or `theme:` in the configuration
/// file) becomes a `Theme`.
///
/// A name is looked up as `NAME.yaml` (or `.yml`) in, first to last: the directory named by
/// `$GOVTOP_THEMES`; the `themes/` folder of the repository the executable was built in (found
/// by walking up from the executable to a directory that holds `themes/`); and `themes/` in the
/// current directory. Anything with a "/" or ending in `.yaml`/`.yml` is a path to a file.
/// "default" is always available: without a file it is the compiled-in `Theme.default`.
public struct ThemeCatalog: Sendable {
    /// One place themes are looked for, and why it is searched (for messages).
    public struct Directory: Sendable, Equatable {
        public var path: String
        public var origin: String
    }

    public let directories: [Directory]

    /// The directories, in search order, that exist.
    public init(environment: [String: String], executablePath: String?, currentDirectory: String) {
        var candidates: [Directory] = []
        if let themes = environment["GOVTOP_THEMES"], !themes.isEmpty {
            candidates.append(Directory(path: ThemeCatalog.absolute(themes, base: currentDirectory), origin: "$GOVTOP_THEMES"))
        }
        if let executablePath, let shipped = ThemeCatalog.shippedDirectory(executablePath: executablePath) {
            candidates.append(Directory(path: shipped, origin: "shipped themes"))
        }
        candidates.append(Directory(path: (currentDirectory as NSString).appendingPathComponent("themes"), origin: "./themes"))
        var seen: Set<String> = []
        directories = candidates.filter { directory in
            ThemeCatalog.isDirectory(directory.path) && seen.insert((directory.path as NSString).standardizingPath).inserted
        }
    }

    public init(directories: [Directory]) {
        self.directories = directories
    }

    /// Whether `--theme` text names a file rather than a theme.
    public static func isPath(_ text: String) -> Bool {
        text.contains("/") || text.hasSuffix(".yaml") || text.hasSuffix(".yml")
    }

    /// Every theme name the directories hold, each once (the first directory wins), "default"
    /// first and the rest sorted: the themes `t` cycles through.
    public var themeNames: [String] {
        var names: Set<String> = ["default"]
        for directory in directories {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for file in files where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                let name = (file as NSString).deletingPathExtension
                if !name.isEmpty, !name.hasPrefix(".") { names.insert(name) }
            }
        }
        return ["default"] + names.subtracting(["default"]).sorted()
    }

    /// The file of the theme called `name`, or nil.
    public func path(ofThemeNamed name: String) -> String? {
        for directory in directories {
            for suffix in [".yaml", ".yml"] {
                let path = (directory.path as NSString).appendingPathComponent(name + suffix)
                if FileManager.default.fileExists(atPath: path) { return path }
            }
        }
        return nil
    }

    /// The theme `reference` names: a file path (relative to `base`), or a theme name.
    /// `origin` says where the reference was written, for errors: "--theme", or the configuration
    /// file's path (then relative paths start at that file's directory).
    public func load(_ reference: String, origin: String, base: String) throws(ConfigError) -> Theme {
        if ThemeCatalog.isPath(reference) {
            return try ThemeLoader.load(path: ThemeCatalog.absolute(reference, base: base))
        }
        if let path = path(ofThemeNamed: reference) { return try ThemeLoader.load(path: path) }
        if reference == "default" { return .default }
        let known = themeNames
        let searched = directories.isEmpty
            ? "no theme directory was found; set $GOVTOP_THEMES or give a path"
            : "looked in " + directories.map { "\($0.path) (\($0.origin))" }.joined(separator: ", ")
        let suggestion = KeySuggestion.nearest(to: reference, among: known)
        let message = "no theme named \(Quoting.quoted(reference)) (themes: \(known.joined(separator: ", "))); \(searched)"
        throw ConfigError(file: origin, keyPath: origin == "--theme" ? "" : "theme", message: message, suggestion: suggestion)
    }

    /// The nearest ancestor of the executable's directory with a `themes/` folder; stops after
    /// a fixed number of levels.
    static func shippedDirectory(executablePath: String) -> String? {
        var directory = ((executablePath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        for _ in 0..<16 {
            let themes = (directory as NSString).appendingPathComponent("themes")
            if isDirectory(themes) { return themes }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory || parent.isEmpty { return nil }
            directory = parent
        }
        return nil
    }

    static func absolute(_ path: String, base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return ((base as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
