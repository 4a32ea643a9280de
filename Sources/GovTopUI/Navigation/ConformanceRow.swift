import GovTopCore

/// One row of the Conformance screen: a service with its level, or one rule it broke with its
/// count and latest example (the AWU Enter opens).
public struct ConformanceRow: Hashable, Sendable {
    public var service: String
    public var level: ConformanceLevel
    /// Nil on a service row.
    public var rule: ConformanceRule?
    public var count: Int
    /// The AWU Enter opens: the rule's latest example; on a service row, that of its most broken rule.
    public var example: ConformanceExample?

    /// Services worst first, each followed by its broken rules, most often broken first.
    public static func rows(_ report: ConformanceReport) -> [ConformanceRow] {
        report.services.flatMap { service -> [ConformanceRow] in
            let rules = service.failingRules
            let head = ConformanceRow(service: service.service, level: service.level, rule: nil, count: service.awus,
                                      example: rules.first.flatMap { service.examples[$0.rule]?.last })
            return [head] + rules.map { rule, count in
                ConformanceRow(service: service.service, level: service.level, rule: rule, count: count,
                               example: service.examples[rule]?.last)
            }
        }
    }
}
