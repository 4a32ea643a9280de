import Testing
@testable import GovTopCore

/// One case per rule: a minimal AWU that breaks only that rule; and one compliant AWU per lifecycle.
@Suite struct AWUCheckerTests {
    static let breaking: [(ConformanceRule, AWUFixtures.Edit)] = [
        (.attributionMissing, .init(shape: .executed, removing: ["genops.team"])),
        (.operationMissing, .init(shape: .blockedBeforeReservation, removing: ["genops.operation.name"])),
        (.specVersionMissing, .init(shape: .executed, removing: ["genops.spec.version"])),
        (.specVersionInvalid, .init(shape: .executed, setting: [Attribute("genops.spec.version", .string("0.1"))])),
        (.policyResultMissing, .init(shape: .executed, removing: ["genops.policy.result"])),
        (.policyResultInvalid, .init(shape: .executed, setting: [Attribute("genops.policy.result", .string("allowed"))])),
        (.policyReasonCodeMissing, .init(shape: .blockedBeforeReservation, removing: ["genops.policy.reason_code"],
                                         replacingPolicyEvent: AWUFixtures.policyEvent(result: "BLOCKED", reasonCode: nil))),
        (.policyReasonCodeUnexpected, .init(shape: .executed,
                                            setting: [Attribute("genops.policy.reason_code", .string("BUDGET_EXCEEDED"))])),
        (.policyReasonCodeInvalid, .init(shape: .blockedBeforeReservation,
                                         setting: [Attribute("genops.policy.reason_code", .string("Model not allowed"))])),
        (.accountingReservedMissing, .init(shape: .executed, removing: ["genops.accounting.reserved"])),
        (.accountingUnitMissing, .init(shape: .stoppedAfterReservation, removing: ["genops.accounting.unit"])),
        (.accountingActualMissing, .init(shape: .executed, removing: ["genops.accounting.actual"])),
        (.eventPolicyEvaluatedMissing, .init(shape: .blockedBeforeReservation, removingEvents: [AWUChecker.policyEvaluatedEvent])),
        (.eventReservationMissing, .init(shape: .executed, removingEvents: [AWUChecker.reservationEvent])),
        (.eventReconciliationMissing, .init(shape: .executed, removingEvents: [AWUChecker.reconciliationEvent])),
        (.eventReconciliationUnexpected, .init(shape: .stoppedAfterReservation, addingEvents: [AWUFixtures.reconciliation])),
    ]

    @Test(arguments: AWUFixtures.Shape.allCases)
    func eachLifecycleShapeConforms(shape: AWUFixtures.Shape) {
        #expect(AWUChecker.check(AWUFixtures.span(shape), resource: []) == .checked([]))
    }

    @Test(arguments: breaking)
    func eachRuleIsBrokenAlone(rule: ConformanceRule, edit: AWUFixtures.Edit) {
        #expect(AWUChecker.check(edit.apply(), resource: []) == .checked([rule]))
    }

    /// Every rule but identity reuse (judged across spans, in `ConformanceTallyTests`) has a case.
    @Test func theTableCoversEveryRule() {
        let covered = Set(Self.breaking.map(\.0)).union([.identityReused])
        #expect(covered == Set(ConformanceRule.allCases))
    }

    @Test func attributionMayComeFromTheResource() {
        let edit = AWUFixtures.Edit(shape: .executed, removing: ["genops.team", "genops.project", "genops.environment"])
        let resource = [Attribute("genops.team", .string("ml")), Attribute("genops.project", .string("bot")),
                        Attribute("genops.environment", .string("production"))]
        #expect(AWUChecker.check(edit.apply(), resource: resource) == .checked([]))
        #expect(AWUChecker.check(edit.apply(), resource: Array(resource.prefix(2))) == .checked([.attributionMissing]))
    }

    @Test func emptyValuesCountAsMissing() {
        let edit = AWUFixtures.Edit(shape: .executed, setting: [Attribute("genops.team", .string("  "))])
        #expect(AWUChecker.check(edit.apply(), resource: []) == .checked([.attributionMissing]))
    }

    @Test func anUnknownVersionIsReportedNotJudged() {
        let edit = AWUFixtures.Edit(shape: .executed, removing: ["genops.team"],
                                    setting: [Attribute("genops.spec.version", .string("0.2.0"))])
        #expect(AWUChecker.check(edit.apply(), resource: []) == .unknownVersion("0.2.0"))
        let patch = AWUFixtures.Edit(shape: .executed, setting: [Attribute("genops.spec.version", .string("0.1.7-rc.1+b5"))])
        #expect(AWUChecker.check(patch.apply(), resource: []) == .checked([]))
    }

    @Test func spansWithoutGenOpsAreNotAWUs() {
        let plain = SpanFactory.llmCall(trace: 1, id: 1, team: nil)
        #expect(AWUChecker.check(plain, resource: []) == .notAWU)
        // genops attribution alone (the GenOps AI guide's spans) is not an AWU of the specification.
        let attributed = SpanFactory.llmCall(trace: 1, id: 1, team: "ml")
        #expect(AWUChecker.check(attributed, resource: []) == .notAWU)
    }

    @Test(arguments: ["x_internal_quota", "x_a", "x_custom_compliance_check"])
    func extensionCodesAreValid(code: String) { #expect(AWUChecker.isExtensionCode(code)) }

    @Test(arguments: ["x_", "X_quota", "x-quota", "x_Quota", "quota", "x_quota!"])
    func malformedExtensionCodesAreNot(code: String) { #expect(!AWUChecker.isExtensionCode(code)) }

    @Test(arguments: ["0.1", "0.1.0.0", "01.1.0", "0.1.x", "v0.1.0", "0.1.0-", "0.1.0+", ""])
    func invalidVersions(text: String) { #expect(SpecVersion(text) == nil) }

    @Test func everyRuleNamesItsSection() {
        for rule in ConformanceRule.allCases {
            #expect(!rule.section.isEmpty && rule.section.first!.isNumber, "\(rule)")
        }
    }
}
