import GovTopCore

/// `GET /api/v1/conformance` and `govtop conformance --json`: each service's GenOps conformance
/// level, its broken rules with counts, and example trace ids per rule.
public enum ConformanceRenderer {
    /// The report as JSON text.
    public static func json(_ report: ConformanceReport) -> [UInt8] { render(report).serialized }

    static func render(_ report: ConformanceReport) -> JSONValue {
        .object([
            ("spec_version", .string(report.specVersion)),
            ("services", .array(report.services.map(service))),
            ("services_folded", .bool(report.foldedServices)),
            ("rules", .object(ConformanceRule.allCases.map { rule in
                (rule.rawValue, JSONValue.object([("section", .string(rule.section)), ("summary", .string(rule.summary)),
                                                  ("accounting_invariant", .bool(rule.isAccountingInvariant))]))
            })),
        ])
    }

    private static func service(_ service: ServiceConformance) -> JSONValue {
        let rules = service.failingRules
        return .object([
            ("service", .string(service.service)),
            ("level", .string(service.level.rawValue)),
            ("spans", .int(Int64(service.spans))),
            ("awus", .int(Int64(service.awus))),
            ("conforming", .int(Int64(service.conforming))),
            ("unknown_versions", .object(service.unknownVersions.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int(Int64($0.value))) })),
            ("violations", .object(rules.map { ($0.rule.rawValue, JSONValue.int(Int64($0.count))) })),
            ("examples", .object(rules.map { entry in
                (entry.rule.rawValue, JSONValue.array((service.examples[entry.rule] ?? []).reversed().map { .string($0.traceID.hex) }))
            })),
        ])
    }
}
