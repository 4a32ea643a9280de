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
    private var index: [LabelSet: Int] = [:]
    private var labels: [LabelSet] = []
    private var counters: [Counters] = []
    /// The last label set and its position (consecutive spans usually share theirs).
    private var lastLabels: LabelSet?
    private var lastPosition = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Every label set with its counters.
    var series: some Sequence<(key: LabelSet, value: Counters)> {
        zip(labels, counters).lazy.map { (key: $0, value: $1) }
    }

    var count: Int { labels.count }

    mutating func add(_ contribution: Contribution, labels set: LabelSet) {
        guard contribution.requests > 0 else { return }
        let position: Int
        if set == lastLabels {
            position = lastPosition
        } else {
            let key = index[set] != nil || labels.count < capacity ? set : LabelSet.other
            if let existing = index[key] {
                position = existing
            } else {
                position = labels.count
                index[key] = position
                labels.append(key)
                counters.append(Counters())
            }
            lastLabels = set
            lastPosition = position
        }
        counters[position].cost.add(contribution.cost.usd)
        counters[position].inputTokens += contribution.inputTokens
        counters[position].outputTokens += contribution.outputTokens
        counters[position].requests += contribution.requests
    }
}
