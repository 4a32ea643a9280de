import Foundation

/// Reads the bearer token from its file (`--token-file`, `token_file:`).
public enum TokenFile {
    /// The token, and a warning when other users may read the file (the token is then no secret
    /// on this machine). Errors name the file and say what to do.
    public static func load(_ path: String) throws(TokenFileError) -> (token: BearerToken, warning: String?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TokenFileError(file: path, problem: "does not exist; create it with the token on one line (for example: openssl rand -hex 32 > FILE)")
        }
        guard !isDirectory.boolValue else { throw TokenFileError(file: path, problem: "is a directory, not a token file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TokenFileError(file: path, problem: "cannot be opened for reading; check its permissions")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: BearerToken.maximumLength + 65) ?? Data()
        } catch {
            throw TokenFileError(file: path, problem: "cannot be read: \(error.localizedDescription)")
        }
        guard data.count <= BearerToken.maximumLength + 64 else {
            throw TokenFileError(file: path, problem: "is larger than a token (at most \(BearerToken.maximumLength) characters)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw TokenFileError(file: path, problem: "is not text; a token is one word of visible ASCII characters")
        }
        let token: BearerToken
        do {
            token = try BearerToken(fileText: text)
        } catch {
            throw TokenFileError(file: path, problem: error.description)
        }
        return (token, warning(path))
    }

    private static func warning(_ path: String) -> String? {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int,
              mode & 0o077 != 0 else { return nil }
        let octal = String(mode & 0o777, radix: 8)
        return "the token file \(path) can be read by other users (mode \(octal)); restrict it with: chmod 600 \(path)"
    }
}

/// A token file govtop cannot use.
public struct TokenFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var problem: String

    public var description: String { "token file \(file) \(problem)" }
}
