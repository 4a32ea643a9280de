import Foundation

/// Appends timestamped lines to a file: while the dashboard owns the terminal, nothing may be
/// written to stdout or stderr, so what govtop has to say goes here.
final class FileLogger: Sendable {
    let path: String
    private let descriptor: Int32

    /// Opens (or creates, mode 0600) the file for appending, creating its folder; refuses to
    /// follow a symbolic link, since the default file sits in a shared directory.
    init(path: String) throws(StartupError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StartupError(description: "cannot open the log file \(path): \(String(cString: strerror(errno))); choose another with --log-file")
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The log file when none is named: `$XDG_STATE_HOME/govtop/govtop.log` when that variable is
    /// an absolute path, else `/tmp/govtop-<uid>.log`.
    static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return ((state as NSString).appendingPathComponent("govtop") as NSString).appendingPathComponent("govtop.log")
        }
        return "/tmp/govtop-\(getuid()).log"
    }

    /// Writes one line, prefixed with the UTC time; line breaks inside `message` become spaces.
    func log(_ message: String) {
        let line = FileLogger.timestamp() + " " + message.replacingOccurrences(of: "\n", with: " ") + "\n"
        let bytes = Array(line.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        let milliseconds = now.tv_nsec / 1_000_000
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(milliseconds))
    }
}
