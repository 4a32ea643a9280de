/// Severity of an alert.
public enum AlertSeverity: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case info, warning, critical

    /// 0 for info, 1 for warning, 2 for critical.
    public var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        lhs.rank < rhs.rank
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
    /// A condition must stay clear this long before its alert resolves (hysteresis). A lower severity
    /// replaces a higher one only after the higher one has not been seen for this long either.
    public var resolveAfterSeconds: Double
    /// Most alerts kept; the oldest resolved ones go first.
    public var maxAlerts: Int
    /// A condition that comes back this soon after its alert resolved re-activates that alert (same id)
    /// instead of raising a new one.
    public var reactivateWithinSeconds: Double
    /// Cost spikes are judged only after this much history, so the first spend after start-up is
    /// not a "spike" against an empty baseline.
    public var spikeBaselineMinimumSeconds: Double
    /// A team's GenOps SLA miss rate (misses / SLA-checked spans) above this fraction raises an alert ...
    public var slaMissRateThreshold: Double = 0.1
    /// ... once the team has at least this many SLA-checked spans.
    public var slaMinimumChecks: Int = 20

    public init(costSpikeFactor: Double = 3, costSpikeMinimumUSDPerMinute: Double = 0.10, errorRateThreshold: Double = 0.2,
                errorRateMinimumRequests: Int = 20, resolveAfterSeconds: Double = 60, maxAlerts: Int = 1000,
                reactivateWithinSeconds: Double = 300, spikeBaselineMinimumSeconds: Double = 300) {
        self.costSpikeFactor = costSpikeFactor
        self.costSpikeMinimumUSDPerMinute = costSpikeMinimumUSDPerMinute
        self.errorRateThreshold = errorRateThreshold
        self.errorRateMinimumRequests = errorRateMinimumRequests
        self.resolveAfterSeconds = resolveAfterSeconds
        self.maxAlerts = maxAlerts
        self.reactivateWithinSeconds = reactivateWithinSeconds
        self.spikeBaselineMinimumSeconds = spikeBaselineMinimumSeconds
    }
}
