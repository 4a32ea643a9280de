import Foundation

/// Reads a small text file (a configuration or theme file) with errors that say what is wrong.
enum TextFile {
    /// - Parameters:
    ///   - kind: what the file should be, for messages ("configuration file").
    ///   - missing: the message when there is no file at `path`.
    static func read(_ path: String, kind: String, missing: String, maximumBytes: Int) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(file: path, message: missing)
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(file: path, message: "is a directory, not a \(kind)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ConfigError(file: path, message: "cannot be opened for reading; check its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
        } catch {
            throw ConfigError(file: path, message: "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= maximumBytes else {
            throw ConfigError(file: path, message: "is larger than \(ByteSizeText.format(maximumBytes)); a \(kind) is a few kilobytes")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw ConfigError(file: path, message: "is not UTF-8 text")
        }
        return text
    }
}
