import CZlib
import Foundation

/// Reads a record file line by line: plain text, or gzip (recognised by its magic bytes, several
/// members allowed), streamed in chunks so a large file never sits in memory whole. A line longer
/// than `maxLineBytes` is an error that names it; the reader cannot go on after it.
public final class RecordLineReader {
    public let path: String
    public let maxLineBytes: Int
    private let handle: FileHandle
    private var gzip: GzipStream?
    private var checkedMagic = false
    private var pending: [UInt8] = []
    /// Where the next line starts in `pending`.
    private var start = 0
    /// `pending` has no newline from `start` up to here.
    private var scanned = 0
    private var finished = false
    private(set) public var lineNumber = 0
    /// Bytes read from the file so far (compressed, when it is gzip).
    private(set) public var bytesRead = 0
    static let chunkSize = 256 * 1024

    public init(path: String, maxLineBytes: Int = 64 << 20) throws(ReplayError) {
        self.path = path
        self.maxLineBytes = maxLineBytes
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReplayError(file: path, "no such file")
        }
        guard !isDirectory.boolValue else { throw ReplayError(file: path, "is a directory, not a record file") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReplayError(file: path, "cannot be opened for reading (check its permissions)") }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its line break (a trailing `\r` is dropped too); nil at the end.
    public func next() throws(ReplayError) -> [UInt8]? {
        while true {
            if let newline = pending[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                try checkLength(newline - start)
                var line = Array(pending[start..<newline])
                start = newline + 1
                scanned = start
                // Drop what was handed out once it is most of the buffer (amortised O(1) per byte).
                if start > Self.chunkSize, start * 2 > pending.count {
                    pending.removeFirst(start)
                    start = 0
                    scanned = 0
                }
                lineNumber += 1
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return line
            }
            scanned = pending.count
            try checkLength(pending.count - start)
            if finished {
                guard start < pending.count else { return nil }
                lineNumber += 1
                defer {
                    pending = []
                    start = 0
                    scanned = 0
                }
                return Array(pending[start...])
            }
            try fill()
        }
    }

    private func checkLength(_ length: Int) throws(ReplayError) {
        guard length <= maxLineBytes else {
            throw ReplayError(file: path, line: lineNumber + 1, "line is longer than \(maxLineBytes) bytes")
        }
    }

    private func fill() throws(ReplayError) {
        let chunk: Data
        do {
            chunk = try handle.read(upToCount: Self.chunkSize) ?? Data()
        } catch {
            throw ReplayError(file: path, "cannot be read: \(error.localizedDescription)")
        }
        bytesRead += chunk.count
        if !checkedMagic, !chunk.isEmpty {
            checkedMagic = true
            if chunk.count >= 2, chunk[chunk.startIndex] == 0x1F, chunk[chunk.startIndex + 1] == 0x8B { gzip = try GzipStream(path: path) }
        }
        if chunk.isEmpty {
            if let gzip, !gzip.atMemberEnd { throw ReplayError(file: path, "the gzip data ends before its end (a truncated file?)") }
            finished = true
            return
        }
        if let gzip {
            try gzip.inflate(chunk, into: &pending)
        } else {
            pending.append(contentsOf: chunk)
        }
    }
}

/// A zlib inflater for gzip data fed in chunks.
private final class GzipStream {
    let path: String
    private var stream = z_stream()
    /// True between members (and before the first): the data may end here.
    private(set) var atMemberEnd = true

    init(path: String) throws(ReplayError) {
        self.path = path
        guard govtop_inflateInit2(&stream, 16 + 15) == Z_OK else { throw ReplayError(file: path, "zlib could not be initialised") }
    }

    deinit { inflateEnd(&stream) }

    func inflate(_ chunk: Data, into output: inout [UInt8]) throws(ReplayError) {
        var input = [UInt8](chunk)
        var scratch = [UInt8](repeating: 0, count: 64 * 1024)
        var failure: String?
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            while stream.avail_in > 0 {
                let status = scratch.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: out[0..<(out.count - Int(stream.avail_out))])
                    return status
                }
                switch status {
                case Z_OK:
                    atMemberEnd = false
                case Z_BUF_ERROR:
                    return
                case Z_STREAM_END:
                    atMemberEnd = true
                    // Another member may follow (gzip files may be concatenated).
                    inflateReset(&stream)
                default:
                    failure = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    return
                }
            }
        }
        stream.next_in = nil
        if let failure { throw ReplayError(file: path, "is not valid gzip data: \(failure)") }
    }
}
