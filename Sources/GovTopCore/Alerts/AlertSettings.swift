/// Severity of an alert.
public enum AlertSeverity: String, CaseIterable, Sendable, Hashable, Comparable {
    case info, warning, critical

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Tuning of the alert engine.
public struct AlertSettings: Sendable, Hashable {
    /// A cost spike: the 1-minute cost rate above this factor × the 1-hour baseline rate ...
    public var costSpikeFactor: Double
    /// ... and above this many USD per minute.
    public var costSpikeMinimumUSDPerMinute: Double
    /// An error-rate spike: the 5-minute error rate above this fraction ...
    public var errorRateThreshold: Double
    /// ... over at least this many requests.
    public var errorRateMinimumRequests: Int
    /// A condition must stay clear this long before its alert resolves (hysteresis).
    public var resolveAfterSeconds: Double
    /// Most alerts kept; the oldest resolved ones go first.
    public var maxAlerts: Int

    public init(costSpikeFactor: Double = 3, costSpikeMinimumUSDPerMinute: Double = 0.10, errorRateThreshold: Double = 0.2,
                errorRateMinimumRequests: Int = 20, resolveAfterSeconds: Double = 60, maxAlerts: Int = 1000) {
        self.costSpikeFactor = costSpikeFactor
        self.costSpikeMinimumUSDPerMinute = costSpikeMinimumUSDPerMinute
        self.errorRateThreshold = errorRateThreshold
        self.errorRateMinimumRequests = errorRateMinimumRequests
        self.resolveAfterSeconds = resolveAfterSeconds
        self.maxAlerts = maxAlerts
    }
}
