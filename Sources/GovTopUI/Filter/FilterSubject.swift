import GovTopCore

/// What a filter looks at in one trace. Everything but `attributeValues` comes from the trace
/// summary; attribute terms also need the spans, so the lookup is optional and only worth
/// building when `TraceFilter.needsAttributes`.
public struct FilterSubject {
    /// 32 hex digits.
    public var traceID: String
    public var rootName: String
    public var service: String
    public var attribution: Attribution
    public var models: [String]
    public var providers: [String]
    public var costUSD: Double
    public var durationMs: Double
    public var tokens: Int64
    public var hasError: Bool
    /// Every value the trace's spans (and their resources) hold for an attribute key. Nil when
    /// the spans are not at hand: attribute terms then never match.
    public var attributeValues: ((String) -> [AttributeValue])?

    public init(traceID: String, rootName: String = "", service: String = "", attribution: Attribution = Attribution(),
                models: [String] = [], providers: [String] = [], costUSD: Double = 0, durationMs: Double = 0,
                tokens: Int64 = 0, hasError: Bool = false, attributeValues: ((String) -> [AttributeValue])? = nil) {
        self.traceID = traceID
        self.rootName = rootName
        self.service = service
        self.attribution = attribution
        self.models = models
        self.providers = providers
        self.costUSD = costUSD
        self.durationMs = durationMs
        self.tokens = tokens
        self.hasError = hasError
        self.attributeValues = attributeValues
    }

    public init(_ summary: TraceSummary, attributeValues: ((String) -> [AttributeValue])? = nil) {
        self.init(traceID: summary.traceID.hex, rootName: summary.rootName, service: summary.service,
                  attribution: summary.attribution, models: summary.models, providers: summary.providers,
                  costUSD: summary.costUSD, durationMs: summary.durationMs, tokens: summary.tokens,
                  hasError: summary.errors > 0, attributeValues: attributeValues)
    }

    /// The values of a text field: none, one, or (models, providers) several.
    func values(of field: FilterField) -> [String] {
        let single: String?
        switch field {
        case .team: single = attribution.team
        case .project: single = attribution.project
        case .customer: single = attribution.customer
        case .environment: single = attribution.environment
        case .costCenter: single = attribution.costCenter
        case .feature: single = attribution.feature
        case .user: single = attribution.user
        case .service: single = service
        case .model: return models
        case .provider: return providers
        case .cost, .duration, .tokens, .attribute: single = nil
        }
        return single.map { [$0] } ?? []
    }

    func number(of field: FilterField) -> Double? {
        switch field {
        case .cost: costUSD
        case .duration: durationMs
        case .tokens: Double(tokens)
        default: nil
        }
    }
}
