/// The label combination govtop's Prometheus counters use, as the GenOps docs query them.
public struct LabelSet: Sendable, Hashable {
    public var team: String
    public var project: String
    public var environment: String
    public var provider: String
    public var model: String

    public init(team: String, project: String, environment: String, provider: String, model: String) {
        self.team = team
        self.project = project
        self.environment = environment
        self.provider = provider
        self.model = model
    }

    init(facts: GovernanceFacts, attribution: Attribution) {
        let none = Dimension.unattributed
        self.init(team: attribution.team ?? none, project: attribution.project ?? none,
                  environment: attribution.environment ?? none, provider: facts.provider ?? none, model: facts.model ?? none)
    }

    /// Where combinations beyond the cap are counted.
    public static let other = LabelSet(team: Dimension.other, project: Dimension.other, environment: Dimension.other,
                                       provider: Dimension.other, model: Dimension.other)
}

/// Monotonic counters per label combination, for `/metrics`. Labels are fixed when a span arrives
/// (Prometheus counters must never go down), so unlike the groups they are not moved when a late
/// parent re-attributes a span. Capped: further combinations fold into `LabelSet.other`.
struct LabelCounters {
    struct Counters: Sendable, Hashable {
        var cost = CompensatedSum()
        var inputTokens: Int64 = 0
        var outputTokens: Int64 = 0
        var requests = 0
    }

    let capacity: Int
    private(set) var series: [LabelSet: Counters] = [:]

    init(capacity: Int) { self.capacity = max(1, capacity) }

    mutating func add(_ contribution: Contribution, labels: LabelSet) {
        guard contribution.requests > 0 else { return }
        let key = series[labels] != nil || series.count < capacity ? labels : LabelSet.other
        series[key, default: Counters()].cost.add(contribution.cost.usd)
        series[key, default: Counters()].inputTokens += contribution.inputTokens
        series[key, default: Counters()].outputTokens += contribution.outputTokens
        series[key, default: Counters()].requests += contribution.requests
    }
}
