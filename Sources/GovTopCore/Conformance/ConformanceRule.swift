/// A rule of the GenOps Governance Specification v0.1 (koshihq/genops-spec, spec/genops-spec-v0.1.md)
/// that one AI Workload Unit can break. The raw value is the stable id the API, the CLI and the
/// dashboard use; `section` is where the specification states the rule.
public enum ConformanceRule: String, CaseIterable, Sendable, Hashable, Comparable {
    case attributionMissing = "attribution.missing"
    case operationMissing = "operation.missing"
    case specVersionMissing = "spec_version.missing"
    case specVersionInvalid = "spec_version.invalid"
    case policyResultMissing = "policy.result.missing"
    case policyResultInvalid = "policy.result.invalid"
    case policyReasonCodeMissing = "policy.reason_code.missing"
    case policyReasonCodeUnexpected = "policy.reason_code.unexpected"
    case policyReasonCodeInvalid = "policy.reason_code.invalid"
    case accountingReservedMissing = "accounting.reserved.missing"
    case accountingUnitMissing = "accounting.unit.missing"
    case accountingActualMissing = "accounting.actual.missing"
    case eventPolicyEvaluatedMissing = "event.policy_evaluated.missing"
    case eventReservationMissing = "event.reservation.missing"
    case eventReconciliationMissing = "event.reconciliation.missing"
    case eventReconciliationUnexpected = "event.reconciliation.unexpected"
    case identityReused = "identity.reused"

    /// The specification's section that states the rule.
    public var section: String {
        switch self {
        case .attributionMissing: "2.3"
        case .operationMissing: "7.1"
        case .specVersionMissing: "7.1"
        case .specVersionInvalid: "11.3"
        case .policyResultMissing: "4.2"
        case .policyResultInvalid: "4.1"
        case .policyReasonCodeMissing: "5.3"
        case .policyReasonCodeUnexpected: "5.3"
        case .policyReasonCodeInvalid: "5.4"
        case .accountingReservedMissing: "3.4"
        case .accountingUnitMissing: "3.2"
        case .accountingActualMissing: "3.4"
        case .eventPolicyEvaluatedMissing: "8.1"
        case .eventReservationMissing: "8.2"
        case .eventReconciliationMissing: "8.3"
        case .eventReconciliationUnexpected: "7.2.1"
        case .identityReused: "2.2"
        }
    }

    /// What the rule asks, in one line.
    public var summary: String {
        switch self {
        case .attributionMissing: "every AWU carries genops.team, genops.project and genops.environment"
        case .operationMissing: "every AWU carries genops.operation.name and genops.operation.type"
        case .specVersionMissing: "every AWU carries genops.spec.version"
        case .specVersionInvalid: "genops.spec.version is MAJOR.MINOR.PATCH"
        case .policyResultMissing: "every AWU records genops.policy.result"
        case .policyResultInvalid: "genops.policy.result is ALLOWED, BLOCKED, WARNING or RATE_LIMITED"
        case .policyReasonCodeMissing: "a result other than ALLOWED carries genops.policy.reason_code"
        case .policyReasonCodeUnexpected: "an ALLOWED result carries no genops.policy.reason_code"
        case .policyReasonCodeInvalid: "genops.policy.reason_code is from the taxonomy or x_[a-z0-9_]+"
        case .accountingReservedMissing: "an AWU that reaches reservation carries genops.accounting.reserved"
        case .accountingUnitMissing: "an AWU that reaches reservation carries genops.accounting.unit"
        case .accountingActualMissing: "an AWU that executes carries genops.accounting.actual"
        case .eventPolicyEvaluatedMissing: "every decision emits the genops.policy.evaluated event"
        case .eventReservationMissing: "a reservation emits the genops.budget.reservation event"
        case .eventReconciliationMissing: "an executed AWU emits the genops.budget.reconciliation event"
        case .eventReconciliationUnexpected: "an AWU that does not execute emits no genops.budget.reconciliation"
        case .identityReused: "an AWU's (trace id, span id) is never reused"
        }
    }

    /// The rules of the Deterministic Accounting Invariant (requirements 2 and 3 of section 9.1): a
    /// runtime that breaks only these is partially compliant (section 9.2).
    public var isAccountingInvariant: Bool {
        switch self {
        case .accountingReservedMissing, .accountingUnitMissing, .accountingActualMissing, .eventReservationMissing,
             .eventReconciliationMissing, .eventReconciliationUnexpected: true
        default: false
        }
    }

    /// Position in `allCases`, for tables indexed by rule.
    public var index: Int { Self.indexByRule[self]! }

    private static let indexByRule: [ConformanceRule: Int] =
        Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    public static func < (lhs: ConformanceRule, rhs: ConformanceRule) -> Bool { lhs.index < rhs.index }
}
