/// A bounded ring of log records, oldest evicted first (by count or by estimated memory), with
/// an index from trace id to the records tied to it, so a trace's detail finds its logs without a
/// scan. A value behind the engine's lock; records arrive already redacted.
public struct LogStore: Sendable {
    /// Per record, what the store spends beyond its content: the entry, its index slot, the
    /// array and string headers.
    public static let entryOverhead = 256

    public let limits: LogStoreLimits
    /// Oldest first from `head`.
    private var ring: [StoredLog] = []
    private var head = 0
    /// Sequence number of `ring[head]`; sequence numbers grow by one per record stored.
    private var firstSequence: UInt64 = 0
    private var byTrace: [TraceID: [UInt64]] = [:]
    public private(set) var bytesHeld = 0
    public private(set) var evicted = 0
    /// Records refused because one alone is larger than the whole memory share.
    public private(set) var refused = 0

    public init(limits: LogStoreLimits) {
        self.limits = limits
    }

    public var count: Int { ring.count - head }

    public var status: LogStoreStatus {
        LogStoreStatus(stored: count, bytes: bytesHeld, evicted: evicted, refused: refused)
    }

    public mutating func insert(_ log: StoredLog) {
        guard limits.maxRecords > 0, log.bytes <= limits.maxMemoryBytes else {
            refused += 1
            return
        }
        while count > 0, count >= limits.maxRecords || bytesHeld + log.bytes > limits.maxMemoryBytes {
            evictOldest()
        }
        let sequence = firstSequence + UInt64(count)
        ring.append(log)
        bytesHeld += log.bytes
        if let trace = log.record.traceID { byTrace[trace, default: []].append(sequence) }
    }

    /// The records tied to a trace, oldest first.
    public func records(of trace: TraceID) -> [StoredLog] {
        guard let sequences = byTrace[trace] else { return [] }
        return sequences.map { ring[head + Int($0 - firstSequence)] }
    }

    private mutating func evictOldest() {
        let oldest = ring[head]
        head += 1
        firstSequence += 1
        bytesHeld -= oldest.bytes
        evicted += 1
        if let trace = oldest.record.traceID, var sequences = byTrace[trace] {
            sequences.removeFirst()
            byTrace[trace] = sequences.isEmpty ? nil : sequences
        }
        // Compact once the dead prefix is as long as the live part (amortized O(1) per record).
        if head >= 1024, head * 2 >= ring.count {
            ring.removeFirst(head)
            head = 0
        }
    }

    /// A conservative estimate of what a record holds: its strings and values plus `entryOverhead`.
    public static func estimatedBytes(_ record: LogRecord) -> Int {
        var total = entryOverhead + record.severityText.utf8.count + record.eventName.utf8.count + size(record.body)
        for attribute in record.attributes { total += 48 + attribute.key.utf8.count + size(attribute.value) }
        return total
    }

    /// Values nest at most `DecodeLimits.maxValueDepth` deep (the decoders refuse deeper ones).
    private static func size(_ value: AttributeValue) -> Int {
        switch value {
        case .string(let text): return 32 + text.utf8.count
        case .bytes(let bytes): return 32 + bytes.count
        case .array(let values): return values.reduce(48) { $0 + size($1) }
        case .kvlist(let entries): return entries.reduce(48) { $0 + 48 + $1.key.utf8.count + size($1.value) }
        default: return 16
        }
    }
}
