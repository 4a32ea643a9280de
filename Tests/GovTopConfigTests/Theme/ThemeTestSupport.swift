import Foundation
@testable import GovTopConfig
import GovTopTheme

/// The error loading a theme document throws, or nil when it loads.
func themeError(yaml: String, source: String) -> ConfigError? {
    do {
        _ = try ThemeLoader.load(yaml: yaml, source: source)
        return nil
    } catch {
        return error
    }
}

func themeError(path: String) -> ConfigError? {
    do {
        _ = try ThemeLoader.load(path: path)
        return nil
    } catch {
        return error
    }
}

/// The repository's themes/ folder, found from this file's place in the tree.
enum ShippedThemes {
    static let names = ["default", "high-contrast", "light", "mono", "solarized-dark"]

    static var directory: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
    }
}

/// A fresh directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("govtop-theme-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates `relative` (and its folders) with `text`; returns its absolute path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let file = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func makeDirectory(_ relative: String) throws -> String {
        let directory = (path as NSString).appendingPathComponent(relative)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }
}
