/// Who a span's spend belongs to: the attribution dimensions of SEMANTICS.md.
public struct Attribution: Sendable, Hashable {
    /// The facts, held by `box` (see the accessors below).
    struct Fields: Hashable, Sendable {
        var team: String?
        var project: String?
        var customer: String?
        var environment: String?
        var costCenter: String?
        var feature: String?
        var user: String?

        /// Whether no fact is set (without making an empty `Fields` to compare with).
        var isEmpty: Bool {
            team == nil && project == nil && customer == nil && environment == nil && costCenter == nil
                && feature == nil && user == nil
        }
    }

    /// The facts in one shared box (a copy of seven strings retained each of them).
    private static let empty = SharedFields(Fields())
    private var box: SharedFields<Fields>

    public init(team: String? = nil, project: String? = nil, customer: String? = nil, environment: String? = nil,
                costCenter: String? = nil, feature: String? = nil, user: String? = nil) {
        let fields = Fields(team: team, project: project, customer: customer, environment: environment,
                            costCenter: costCenter, feature: feature, user: user)
        box = fields.isEmpty ? Self.empty : SharedFields(fields)
    }

    public var team: String? {
        get { box.fields.team }
        _modify { yield &box.fields.team }
    }
    public var project: String? {
        get { box.fields.project }
        _modify { yield &box.fields.project }
    }
    public var customer: String? {
        get { box.fields.customer }
        _modify { yield &box.fields.customer }
    }
    public var environment: String? {
        get { box.fields.environment }
        _modify { yield &box.fields.environment }
    }
    public var costCenter: String? {
        get { box.fields.costCenter }
        _modify { yield &box.fields.costCenter }
    }
    public var feature: String? {
        get { box.fields.feature }
        _modify { yield &box.fields.feature }
    }
    public var user: String? {
        get { box.fields.user }
        _modify { yield &box.fields.user }
    }

    public var isEmpty: Bool {
        sharesEmptyBox || box.fields.isEmpty
    }

    /// Whether this is the one shared empty attribution (no box of its own).
    var sharesEmptyBox: Bool { box.sharesBox(with: Self.empty) }

    /// Heap bytes of the box (its object header and the seven optional strings, as malloc rounds).
    private static let boxBytes = (16 + MemoryLayout<Fields>.size + 8 + 15) & ~15

    /// Heap bytes this attribution holds, for memory estimates: the box and each fact's own
    /// buffer. A box shared by several attributions is counted for each, so sums err high.
    var heapBytes: Int {
        Fact.attribution.reduce(Self.boxBytes) { $0 + (self[$1].map(StringHeap.bytes) ?? 0) }
    }

    /// The value of one attribution fact.
    public subscript(fact: Fact) -> String? {
        get {
            switch fact {
            case .team: team
            case .project: project
            case .customer: customer
            case .environment: environment
            case .costCenter: costCenter
            case .feature: feature
            case .user: user
            default: nil
            }
        }
        set {
            switch fact {
            case .team: team = newValue
            case .project: project = newValue
            case .customer: customer = newValue
            case .environment: environment = newValue
            case .costCenter: costCenter = newValue
            case .feature: feature = newValue
            case .user: user = newValue
            default: break
            }
        }
    }

    /// Fills each dimension this attribution lacks from `other` (used for resource attributes and
    /// for inheritance from an ancestor span).
    public func filling(from other: Attribution) -> Attribution {
        // Most spans have no attribution of their own and inherit all of it: share the box.
        if other.isEmpty { return self }
        if isEmpty { return other }
        var result = self
        for fact in Fact.attribution where result[fact] == nil {
            if let value = other[fact] { result[fact] = value }
        }
        return result
    }
}
