import GovTopCore

/// Reads `store: {max_spans, max_memory}`.
enum StoreSection {
    enum Expected {
        static let section = "a mapping with max_spans and/or max_memory"
        static let maxSpans = "a whole number of spans from 1 to 100000000"
        static let maxMemory = "a size from 1MiB to 1TiB such as 512MiB, or a number of bytes"
    }

    static let maxSpansRange = 1...100_000_000
    static let maxMemoryRange = (1 << 20)...(1 << 40)

    static func read(_ node: ConfigNode) throws(ConfigError) -> StoreLimits {
        var limits = StoreLimits()
        for entry in try node.entries(expected: Expected.section) {
            switch entry.key {
            case "max_spans":
                limits.maxSpans = try entry.value.integer(expected: Expected.maxSpans, in: maxSpansRange)
            case "max_memory":
                limits.maxMemoryBytes = try ConfigDocument.size(entry.value, expected: Expected.maxMemory, in: maxMemoryRange)
            default:
                throw entry.unknown(allowed: ConfigKeys.store)
            }
        }
        return limits
    }
}
