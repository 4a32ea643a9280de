import GovTopCore
import Testing

/// Minimal AI Workload Units of the GenOps specification v0.1, one per lifecycle shape, and edits
/// that break exactly one rule.
enum AWUFixtures {
    enum Shape: String, CaseIterable, Sendable {
        /// Reservation, execution, reconciliation.
        case executed
        /// Blocked by policy before any reservation: only the decision event.
        case blockedBeforeReservation
        /// Reserved, then stopped before execution: no reconciliation.
        case stoppedAfterReservation
    }

    static func attributes(_ shape: Shape) -> [Attribute] {
        var attributes: [Attribute] = [
            Attribute("genops.spec.version", .string("0.1.0")),
            Attribute("genops.team", .string("ml")),
            Attribute("genops.project", .string("bot")),
            Attribute("genops.environment", .string("production")),
            Attribute("genops.operation.name", .string("answer question")),
            Attribute("genops.operation.type", .string("inference")),
        ]
        switch shape {
        case .executed:
            attributes += [
                Attribute("genops.policy.result", .string("ALLOWED")),
                Attribute("genops.accounting.reserved", .double(0.05)),
                Attribute("genops.accounting.actual", .double(0.04)),
                Attribute("genops.accounting.unit", .string("USD")),
            ]
        case .blockedBeforeReservation:
            attributes += [
                Attribute("genops.policy.result", .string("BLOCKED")),
                Attribute("genops.policy.reason_code", .string("POLICY_DENY_MODEL")),
            ]
        case .stoppedAfterReservation:
            attributes += [
                Attribute("genops.policy.result", .string("BLOCKED")),
                Attribute("genops.policy.reason_code", .string("x_late_content_check")),
                Attribute("genops.accounting.reserved", .double(0.05)),
                Attribute("genops.accounting.unit", .string("USD")),
            ]
        }
        return attributes
    }

    static func policyEvent(result: String, reasonCode: String?) -> SpanEvent {
        SpanEvent(timeUnixNano: 1, name: AWUChecker.policyEvaluatedEvent, attributes: [Attribute("genops.policy.result", .string(result))]
            + (reasonCode.map { [Attribute("genops.policy.reason_code", .string($0))] } ?? []))
    }

    static let reservation = SpanEvent(timeUnixNano: 1, name: AWUChecker.reservationEvent, attributes: [
        Attribute("genops.accounting.reserved", .double(0.05)), Attribute("genops.accounting.unit", .string("USD")),
    ])
    static let reconciliation = SpanEvent(timeUnixNano: 1, name: AWUChecker.reconciliationEvent, attributes: [
        Attribute("genops.accounting.actual", .double(0.04)), Attribute("genops.accounting.reserved", .double(0.05)),
        Attribute("genops.accounting.unit", .string("USD")),
        Attribute("genops.accounting.reconciliation_delta", .double(-0.01)),
    ])

    static func events(_ shape: Shape) -> [SpanEvent] {
        switch shape {
        case .executed: [policyEvent(result: "ALLOWED", reasonCode: nil), reservation, reconciliation]
        case .blockedBeforeReservation: [policyEvent(result: "BLOCKED", reasonCode: "POLICY_DENY_MODEL")]
        case .stoppedAfterReservation: [policyEvent(result: "BLOCKED", reasonCode: "x_late_content_check"), reservation]
        }
    }

    static func span(_ shape: Shape, trace: UInt64 = 1, id: UInt64 = 1) -> SpanRecord {
        SpanFactory.span(trace: trace, id: id, name: "awu", attributes: attributes(shape), events: events(shape))
    }

    /// A change to a compliant AWU.
    struct Edit: Sendable, CustomTestStringConvertible {
        var shape: Shape
        var removing: [String] = []
        var setting: [Attribute] = []
        var removingEvents: [String] = []
        var addingEvents: [SpanEvent] = []
        var replacingPolicyEvent: SpanEvent?

        var testDescription: String { "\(shape.rawValue) -\(removing + removingEvents) +\(setting.map(\.key))" }

        func apply(trace: UInt64 = 1, id: UInt64 = 1) -> SpanRecord {
            var span = AWUFixtures.span(shape, trace: trace, id: id)
            span.attributes.removeAll { removing.contains($0.key) || setting.map(\.key).contains($0.key) }
            span.attributes += setting
            span.events.removeAll { removingEvents.contains($0.name) }
            if let replacingPolicyEvent {
                span.events.removeAll { $0.name == AWUChecker.policyEvaluatedEvent }
                span.events.append(replacingPolicyEvent)
            }
            span.events += addingEvents
            return span
        }
    }
}
