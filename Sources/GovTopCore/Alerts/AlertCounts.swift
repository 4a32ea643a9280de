/// Active alerts per severity.
public struct AlertCounts: Sendable, Hashable, Codable {
    public var info = 0
    public var warning = 0
    public var critical = 0
    /// Active alerts nobody acknowledged yet.
    public var unacknowledged = 0

    public init(info: Int = 0, warning: Int = 0, critical: Int = 0, unacknowledged: Int = 0) {
        self.info = info
        self.warning = warning
        self.critical = critical
        self.unacknowledged = unacknowledged
    }

    public var total: Int { info + warning + critical }

    public subscript(severity: AlertSeverity) -> Int {
        get {
            switch severity {
            case .info: info
            case .warning: warning
            case .critical: critical
            }
        }
        set {
            switch severity {
            case .info: info = newValue
            case .warning: warning = newValue
            case .critical: critical = newValue
            }
        }
    }
}
