/// A dimension spend can be grouped by. Raw values are the names the API and config use.
public enum Dimension: String, CaseIterable, Sendable, Hashable, Codable {
    case team, project, customer, environment
    case costCenter = "cost_center"
    case feature, model, provider, service

    /// The value of this dimension for a span with these facts and attribution; nil when unknown.
    public func value(in facts: GovernanceFacts, attribution: Attribution) -> String? {
        switch self {
        case .model: facts.model
        case .provider: facts.provider
        case .service: facts.service
        default: attributionFact.flatMap { attribution[$0] }
        }
    }

    /// The attribution fact behind this dimension; nil for model, provider and service, which are
    /// the span's own and never inherited inside a trace.
    public var attributionFact: Fact? {
        switch self {
        case .team: .team
        case .project: .project
        case .customer: .customer
        case .environment: .environment
        case .costCenter: .costCenter
        case .feature: .feature
        case .model, .provider, .service: nil
        }
    }

    /// Label shown for spans with no value in this dimension.
    public static let unattributed = "(unattributed)"
    /// Label of the group that collects values beyond the cardinality cap.
    public static let other = "(other)"
}
