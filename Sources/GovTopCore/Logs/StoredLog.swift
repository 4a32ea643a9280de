/// A log record as the log store keeps it: already redacted, with the service it came from.
public struct StoredLog: Sendable, Hashable {
    public var record: LogRecord
    public var service: String
    public var receivedAt: UInt64
    /// What the store counts it as holding (see `LogStore.estimatedBytes`).
    public var bytes: Int

    public init(record: LogRecord, service: String, receivedAt: UInt64) {
        self.record = record
        self.service = service
        self.receivedAt = receivedAt
        bytes = LogStore.estimatedBytes(record) + service.utf8.count
    }
}

/// What the log store holds and has let go.
public struct LogStoreStatus: Sendable, Hashable {
    public var stored = 0
    public var bytes = 0
    /// Oldest records evicted to make room.
    public var evicted = 0
    /// Records refused because one alone is larger than the store's whole memory share.
    public var refused = 0

    public init(stored: Int = 0, bytes: Int = 0, evicted: Int = 0, refused: Int = 0) {
        self.stored = stored
        self.bytes = bytes
        self.evicted = evicted
        self.refused = refused
    }
}

/// How much the log store may hold: the oldest records are evicted when either limit is reached.
public struct LogStoreLimits: Sendable, Hashable {
    public var maxRecords: Int
    public var maxMemoryBytes: Int

    public init(maxRecords: Int, maxMemoryBytes: Int) {
        self.maxRecords = max(0, maxRecords)
        self.maxMemoryBytes = max(0, maxMemoryBytes)
    }
}

/// Logs share the span store's memory budget: they get `logFraction` of it, spans the rest.
extension StoreLimits {
    /// One sixteenth of `store.max_memory` holds log records.
    public static let logFraction = 16

    public var logShare: LogStoreLimits {
        LogStoreLimits(maxRecords: maxSpans, maxMemoryBytes: maxMemoryBytes / Self.logFraction)
    }

    public var spanShare: StoreLimits {
        StoreLimits(maxSpans: maxSpans, maxMemoryBytes: maxMemoryBytes - maxMemoryBytes / Self.logFraction)
    }
}
