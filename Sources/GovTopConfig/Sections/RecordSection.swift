/// Reads `record: {file, max_bytes, keep}`.
enum RecordSection {
    enum Expected {
        static let section = "a mapping with file, and optionally max_bytes and keep"
        static let file = "the path of the file to append the exports to"
        static let maxBytes = "a size from 1KiB to 1TiB such as 64MiB, or a number of bytes"
        static let keep = "a whole number of rotated files from 0 to 1000"
    }

    static let maxBytesRange = 1024...(1 << 40)
    static let keepRange = 0...1000

    static func read(_ node: ConfigNode) throws(ConfigError) -> RecordSettings {
        var file: String?
        var maxBytes: Int?
        var keep: Int?
        for entry in try node.entries(expected: Expected.section) {
            switch entry.key {
            case "file": file = try entry.value.text(expected: Expected.file)
            case "max_bytes": maxBytes = try ConfigDocument.size(entry.value, expected: Expected.maxBytes, in: maxBytesRange)
            case "keep": keep = try entry.value.integer(expected: Expected.keep, in: keepRange)
            default: throw entry.unknown(allowed: ConfigKeys.record)
            }
        }
        guard let file else { throw node.missing("file", expected: Expected.file) }
        return RecordSettings(file: file, maxFileBytes: maxBytes, keepFiles: keep)
    }
}
