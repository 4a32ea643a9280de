/// Where and how `ExportRecorder` writes the accepted exports (`--record FILE`).
public struct RecorderConfiguration: Sendable, Hashable {
    /// The file lines are appended to. Rotated files are `PATH.1` (the newest) to `PATH.<keepFiles>`.
    public var path: String
    /// A file that would grow past this many bytes is rotated first (a single line larger than it
    /// gets a file of its own).
    public var maxFileBytes: Int
    /// Rotated files kept beside the current one; older ones are deleted. 0 keeps none.
    public var keepFiles: Int
    /// Most exports waiting for the writer; beyond it an export is not recorded (`record_dropped`).
    public var maxQueuedExports: Int
    /// Most request bytes (decompressed) waiting for the writer; beyond it, as above.
    public var maxQueuedBytes: Int

    public static let defaultMaxFileBytes = 64 << 20
    public static let defaultKeepFiles = 4

    public init(path: String, maxFileBytes: Int = defaultMaxFileBytes, keepFiles: Int = defaultKeepFiles,
                maxQueuedExports: Int = 256, maxQueuedBytes: Int = 64 << 20) {
        self.path = path
        self.maxFileBytes = maxFileBytes
        self.keepFiles = keepFiles
        self.maxQueuedExports = maxQueuedExports
        self.maxQueuedBytes = maxQueuedBytes
    }
}

/// What the recorder has done, for `/api/v1/summary`.
public struct RecorderCounts: Sendable, Hashable {
    /// Exports written as lines.
    public var recorded = 0
    /// Accepted exports not recorded because the writer's queue was full.
    public var dropped = 0
    /// Exports lost to a failed write, open or rotation (disk full, permissions).
    public var writeErrors = 0
    /// The most recent write error, worded for a person.
    public var lastError: String?

    public init() {}
}
