import GovTopCore

/// What a `key…value` filter term compares. Known keys are trace summary fields; any other key
/// is a span attribute, compared against every span of the trace.
public enum FilterField: Hashable, Sendable {
    case team, project, customer, environment, costCenter, feature, user
    case model, provider, service
    /// In USD.
    case cost
    /// In milliseconds.
    case duration
    /// Input plus output tokens.
    case tokens
    /// A span or resource attribute, by its exact (case-sensitive) key.
    case attribute(String)

    /// The field a key names; known keys are case-insensitive, anything else is an attribute key.
    public init(key: String) {
        switch key.lowercased() {
        case "team": self = .team
        case "project": self = .project
        case "customer": self = .customer
        case "env", "environment": self = .environment
        case "cost_center", "costcenter": self = .costCenter
        case "feature": self = .feature
        case "user": self = .user
        case "model": self = .model
        case "provider": self = .provider
        case "service": self = .service
        case "cost": self = .cost
        case "duration": self = .duration
        case "tokens": self = .tokens
        default: self = .attribute(key)
        }
    }

    /// The field that filters by one of the Teams panel's dimensions.
    public init(_ dimension: Dimension) {
        switch dimension {
        case .team: self = .team
        case .project: self = .project
        case .customer: self = .customer
        case .environment: self = .environment
        case .costCenter: self = .costCenter
        case .feature: self = .feature
        case .model: self = .model
        case .provider: self = .provider
        case .service: self = .service
        }
    }

    /// The key as written in a filter.
    public var key: String {
        switch self {
        case .team: "team"
        case .project: "project"
        case .customer: "customer"
        case .environment: "env"
        case .costCenter: "cost_center"
        case .feature: "feature"
        case .user: "user"
        case .model: "model"
        case .provider: "provider"
        case .service: "service"
        case .cost: "cost"
        case .duration: "duration"
        case .tokens: "tokens"
        case .attribute(let key): key
        }
    }

    /// Cost, duration and tokens: compared as numbers, never as text.
    public var isNumeric: Bool {
        switch self {
        case .cost, .duration, .tokens: true
        default: false
        }
    }

    public var isAttribute: Bool {
        if case .attribute = self { return true }
        return false
    }
}
