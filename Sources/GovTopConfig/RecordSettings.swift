/// The `record:` section (or `--record FILE`): append every accepted export to a file as OTLP/JSON
/// lines. Nil values keep the recorder's defaults.
public struct RecordSettings: Sendable, Equatable {
    /// The file to append to (rotated files are FILE.1 … FILE.<keep>).
    public var file: String
    /// Rotate before the file grows past this many bytes.
    public var maxFileBytes: Int?
    /// Rotated files kept.
    public var keepFiles: Int?

    public init(file: String, maxFileBytes: Int? = nil, keepFiles: Int? = nil) {
        self.file = file
        self.maxFileBytes = maxFileBytes
        self.keepFiles = keepFiles
    }
}

/// `pricing_file:`: a pricing table in the format of the shipped `pricing.json` that replaces the
/// shipped one at start-up (the `pricing:` entries are laid over it), so newer prices need no rebuild.
public struct PricingFileSetting: Sendable, Equatable {
    /// The path as written.
    public var path: String
    /// Where `pricing_file` is in the configuration file, for errors.
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }
}
