/// Who a span's spend belongs to: the attribution dimensions of SEMANTICS.md.
public struct Attribution: Sendable, Hashable {
    public var team: String?
    public var project: String?
    public var customer: String?
    public var environment: String?
    public var costCenter: String?
    public var feature: String?
    public var user: String?

    public init(team: String? = nil, project: String? = nil, customer: String? = nil, environment: String? = nil,
                costCenter: String? = nil, feature: String? = nil, user: String? = nil) {
        self.team = team
        self.project = project
        self.customer = customer
        self.environment = environment
        self.costCenter = costCenter
        self.feature = feature
        self.user = user
    }

    public var isEmpty: Bool {
        team == nil && project == nil && customer == nil && environment == nil && costCenter == nil && feature == nil
            && user == nil
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
        var result = self
        for fact in Fact.attribution where result[fact] == nil {
            result[fact] = other[fact]
        }
        return result
    }
}
