/// A dimension spend can be grouped by. Raw values are the names the API and config use.
public enum Dimension: String, CaseIterable, Sendable, Hashable, Codable {
    case team, project, customer, environment
    case costCenter = "cost_center"
    case feature, model, provider, service

    /// The value of this dimension for a span with these facts and attribution; nil when unknown.
    public func value(in facts: GovernanceFacts, attribution: Attribution) -> String? {
        switch self {
        case .team: attribution.team
        case .project: attribution.project
        case .customer: attribution.customer
        case .environment: attribution.environment
        case .costCenter: attribution.costCenter
        case .feature: attribution.feature
        case .model: facts.model
        case .provider: facts.provider
        case .service: facts.service
        }
    }

    /// Whether the value comes from the attribution facts (and so may be inherited inside a trace).
    public var isAttribution: Bool {
        switch self {
        case .model, .provider, .service: false
        default: true
        }
    }

    /// Label shown for spans with no value in this dimension.
    public static let unattributed = "(unattributed)"
    /// Label of the group that collects values beyond the cardinality cap.
    public static let other = "(other)"
}
