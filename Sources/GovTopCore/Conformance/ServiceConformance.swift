/// One service's conformance counts at one moment.
public struct ServiceConformance: Sendable, Hashable {
    public var service: String
    public var level: ConformanceLevel
    /// Spans seen from the service, AWUs or not.
    public var spans: Int
    /// AI Workload Units seen (judged or not).
    public var awus: Int
    /// AWUs that broke no rule.
    public var conforming: Int
    /// AWUs per declared version the checker does not know.
    public var unknownVersions: [String: Int]
    /// AWUs that broke each rule (rules never broken are absent).
    public var violations: [ConformanceRule: Int]
    /// The latest AWUs that broke each rule, newest last.
    public var examples: [ConformanceRule: [ConformanceExample]]

    public init(service: String, level: ConformanceLevel, spans: Int, awus: Int, conforming: Int,
                unknownVersions: [String: Int] = [:], violations: [ConformanceRule: Int] = [:],
                examples: [ConformanceRule: [ConformanceExample]] = [:]) {
        self.service = service
        self.level = level
        self.spans = spans
        self.awus = awus
        self.conforming = conforming
        self.unknownVersions = unknownVersions
        self.violations = violations
        self.examples = examples
    }

    /// The broken rules, most often broken first, then in rule order.
    public var failingRules: [(rule: ConformanceRule, count: Int)] {
        violations.map { (rule: $0.key, count: $0.value) }.sorted { ($1.count, $0.rule) < ($0.count, $1.rule) }
    }
}

/// The conformance of every service at one moment, for the API, the CLI and the dashboard.
public struct ConformanceReport: Sendable, Hashable {
    /// The specification version the checker judges against.
    public var specVersion: String
    /// Worst level first (none, partial, full, unknown version, not GenOps), then by name.
    public var services: [ServiceConformance]
    /// Services beyond the cap were counted under `(other)`.
    public var foldedServices: Bool

    public init(specVersion: String = "0.1.0", services: [ServiceConformance] = [], foldedServices: Bool = false) {
        self.specVersion = specVersion
        self.services = services
        self.foldedServices = foldedServices
    }

    /// Whether any GenOps service is partial or non-compliant.
    public var fails: Bool { services.contains { $0.level.fails } }
}
