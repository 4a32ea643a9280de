import Foundation

/// The record file: lines appended with `write(2)` to `PATH`, rotated by size to `PATH.1` (newest)
/// … `PATH.<keep>` (oldest; older ones are overwritten). To replay a rotated set, oldest first:
/// `govtop replay PATH.4 PATH.3 PATH.2 PATH.1 PATH`.
///
/// Used by one thread at a time: opened by the thread that starts the recorder (so a path that
/// cannot be written fails at start-up), then only by the recorder's writer thread.
final class RecordFile: @unchecked Sendable {
    let path: String
    let maxFileBytes: Int
    let keepFiles: Int
    private var descriptor: Int32 = -1
    private(set) var size = 0

    init(path: String, maxFileBytes: Int, keepFiles: Int) throws(RecordFileError) {
        self.path = path
        self.maxFileBytes = max(1, maxFileBytes)
        self.keepFiles = max(0, keepFiles)
        try open()
    }

    deinit { close() }

    /// The renames that rotate the files, in the order to make them: the oldest kept file first.
    static func rotation(path: String, keep: Int) -> [(from: String, to: String)] {
        guard keep > 0 else { return [] }
        var moves: [(String, String)] = []
        for index in stride(from: keep - 1, through: 1, by: -1) {
            moves.append(("\(path).\(index)", "\(path).\(index + 1)"))
        }
        moves.append((path, "\(path).1"))
        return moves
    }

    /// Appends `line` and a newline, rotating first when the file would grow past `maxFileBytes`.
    func append(_ line: [UInt8]) throws(RecordFileError) {
        if descriptor < 0 { try open() }
        if size > 0, size + line.count + 1 > maxFileBytes { try rotate() }
        var bytes = line
        bytes.append(UInt8(ascii: "\n"))
        let failure: RecordFileError? = bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let result = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    // A partial line would make the file unreadable from here on: cut it off.
                    if written > 0 { _ = ftruncate(descriptor, off_t(size)) }
                    return RecordFileError(path: path, action: "write to", reason: reason)
                }
                written += result
            }
            return nil
        }
        if let failure { throw failure }
        size += bytes.count
    }

    func close() {
        if descriptor >= 0 { _ = Foundation.close(descriptor) }
        descriptor = -1
    }

    private func open() throws(RecordFileError) {
        let opened = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else { throw RecordFileError(path: path, action: "open", reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(opened, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            _ = Foundation.close(opened)
            throw RecordFileError(path: path, action: "open", reason: "it is not a regular file")
        }
        descriptor = opened
        size = Int(status.st_size)
    }

    private func rotate() throws(RecordFileError) {
        close()
        if keepFiles == 0 {
            guard unlink(path) == 0 || errno == ENOENT else {
                throw RecordFileError(path: path, action: "remove (rotation)", reason: String(cString: strerror(errno)))
            }
        }
        for move in Self.rotation(path: path, keep: keepFiles) {
            guard rename(move.from, move.to) == 0 || errno == ENOENT else {
                throw RecordFileError(path: move.from, action: "rename to \(move.to) (rotation)", reason: String(cString: strerror(errno)))
            }
        }
        try open()
    }
}

/// A record file that cannot be opened or written, worded for a person.
public struct RecordFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let action: String
    public let reason: String

    public var description: String { "cannot \(action) the record file \(path): \(reason)" }
}
