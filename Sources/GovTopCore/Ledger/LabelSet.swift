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

    /// Where combinations beyond the cap are counted.
    public static let other = LabelSet(team: Dimension.other, project: Dimension.other, environment: Dimension.other,
                                       provider: Dimension.other, model: Dimension.other)
}

/// Monotonic counters per label combination, for `/metrics`. Labels are fixed when a span arrives
/// (Prometheus counters must never go down), so unlike the groups they are not moved when a late
/// parent re-attributes a span. A combination is keyed by the positions of its values in the group
/// tables (so counting a span hashes two integers, not five strings); values folded into a table's
/// `(other)` group are labelled `(other)`. Capped: further combinations fold into `LabelSet.other`.
struct LabelCounters {
    struct Counters: Sendable, Hashable {
        var cost = Money.zero
        var inputTokens: Int128 = 0
        var outputTokens: Int128 = 0
        var requests = 0
    }

    /// Group-table positions of team, project, environment, provider and model, 21 bits each
    /// (tables hold at most 1,000,001 groups).
    struct Key: Hashable {
        let attribution: UInt64
        let model: UInt64

        init(team: Int, project: Int, environment: Int, provider: Int, model: Int) {
            attribution = UInt64(team) | UInt64(project) << 21 | UInt64(environment) << 42
            self.model = UInt64(provider) | UInt64(model) << 21
        }

        static let other = Key(team: 0x1F_FFFF, project: 0x1F_FFFF, environment: 0x1F_FFFF, provider: 0x1F_FFFF, model: 0x1F_FFFF)
    }

    let capacity: Int
    private var index: [Key: Int] = [:]
    private var labels: [LabelSet] = []
    private var counters: [Counters] = []
    /// Positions of the keys counted lately (a batch's spans share a few dozen combinations): two
    /// integer comparisons, where the dictionary hashes the key.
    private var recent = KeyIdentityCache<Int>()

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Every label set with its counters.
    var series: some Sequence<(key: LabelSet, value: Counters)> {
        zip(labels, counters).lazy.map { (key: $0, value: $1) }
    }

    var count: Int { labels.count }

    /// Counts a request span under a combination; `labels` spells it out the first time it is seen.
    mutating func add(_ contribution: Contribution, key: Key, labels makeLabels: () -> LabelSet) {
        guard contribution.requests > 0 else { return }
        let identity = KeyIdentity(low: key.attribution, high: key.model)
        let position: Int
        if let known = recent.value(for: identity) {
            position = known
        } else {
            if let existing = index[key] {
                position = existing
            } else if labels.count < capacity {
                let set = makeLabels()
                if set == LabelSet.other {
                    // The one combination whose values all folded into their tables' `(other)` groups
                    // is the overflow series: labels must not repeat in /metrics.
                    position = index[Key.other] ?? append(Key.other, LabelSet.other)
                    index[key] = position
                } else {
                    position = append(key, set)
                }
            } else {
                position = index[Key.other] ?? append(Key.other, LabelSet.other)
            }
            recent.remember(position, for: identity)
        }
        counters[position].cost += contribution.cost.amount
        counters[position].inputTokens += Int128(contribution.inputTokens)
        counters[position].outputTokens += Int128(contribution.outputTokens)
        counters[position].requests += contribution.requests
    }

    private mutating func append(_ key: Key, _ set: LabelSet) -> Int {
        index[key] = labels.count
        labels.append(set)
        counters.append(Counters())
        return labels.count - 1
    }
}
