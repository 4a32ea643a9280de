/// Checks one span against the GenOps Governance Specification v0.1. Pure: the same span and
/// resource always give the same verdict. Identity reuse (section 2.2) needs memory across spans and
/// is judged by `ConformanceTally`.
///
/// A span is an AI Workload Unit when it declares `genops.spec.version`, carries any
/// `genops.policy.*` or `genops.accounting.*` attribute, or has one of the required GenOps events.
/// Its lifecycle is read from its decision: `ALLOWED` and `WARNING` proceed to execution (section
/// 4.1); `BLOCKED` and `RATE_LIMITED` do not, and such an AWU reached reservation only when it
/// recorded one (a reservation event or `genops.accounting.reserved`). Attribution may come from the
/// span or its resource; empty values count as missing (section 9.1, requirement 8).
public enum AWUChecker {
    public static let policyEvaluatedEvent = "genops.policy.evaluated"
    public static let reservationEvent = "genops.budget.reservation"
    public static let reconciliationEvent = "genops.budget.reconciliation"

    /// The decision states of section 4.1.
    public static let results: Set<String> = ["ALLOWED", "BLOCKED", "WARNING", "RATE_LIMITED"]
    /// The reason_code taxonomy of section 5.2.
    public static let reasonCodes: Set<String> = [
        "BUDGET_EXCEEDED", "BUDGET_RESERVATION_FAILED", "POLICY_DENY_MODEL", "POLICY_DENY_REGION", "POLICY_DENY_CONTENT",
        "RATE_LIMITED", "SLA_LATENCY_VIOLATION", "PROVIDER_ERROR_UPSTREAM", "ACCOUNTING_INVARIANT_VIOLATION",
    ]

    /// An extension code of section 5.5: `x_` then one or more of `[a-z0-9_]`.
    public static func isExtensionCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "x"), bytes[1] == UInt8(ascii: "_") else { return false }
        return bytes.dropFirst(2).allSatisfy { (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5f }
    }

    public static func check(_ span: SpanRecord, resource: [Attribute]) -> AWUVerdict {
        // Most spans carry nothing of GenOps: tell them apart without allocating.
        // Nor build a lookup for the many spans that carry GenOps attribution but nothing that makes
        // them an AWU (the guard after the lookup, decided on the keys alone).
        let required = requiredEvents
        guard mayMakeAWU(span.attributes) || span.events.contains(where: { required.contains($0.name) }) else { return .notAWU }
        let own = Lookup(span.attributes)
        let events = Set(span.events.lazy.map(\.name).filter { required.contains($0) })
        let version = own.text("genops.spec.version")
        guard version != nil || own.hasGovernance || !events.isEmpty else { return .notAWU }

        var broken = Set<ConformanceRule>()
        if let version {
            if let parsed = SpecVersion(version) {
                guard parsed.isChecked else { return .unknownVersion(version) }
            } else {
                broken.insert(.specVersionInvalid)
            }
        } else {
            broken.insert(.specVersionMissing)
        }

        let fromResource = Lookup(resource)
        if ["genops.team", "genops.project", "genops.environment"].contains(where: { own.text($0) == nil && fromResource.text($0) == nil }) {
            broken.insert(.attributionMissing)
        }
        if own.text("genops.operation.name") == nil || own.text("genops.operation.type") == nil {
            broken.insert(.operationMissing)
        }

        // The decision: on the span (section 7.1) and on its policy event (section 8.1).
        let result = own.text("genops.policy.result")
        checkDecision(result: result, reasonCode: own.text("genops.policy.reason_code"), into: &broken)
        if result == nil { broken.insert(.policyResultMissing) }
        for event in span.events where event.name == policyEvaluatedEvent {
            let values = Lookup(event.attributes)
            checkDecision(result: values.text("genops.policy.result"), reasonCode: values.text("genops.policy.reason_code"),
                          into: &broken)
        }
        if !events.contains(policyEvaluatedEvent) { broken.insert(.eventPolicyEvaluatedMissing) }

        // The lifecycle and the accounting invariant (sections 3, 7.1 and 7.2.1).
        let executes: Bool
        switch result {
        case "ALLOWED", "WARNING": executes = true
        case "BLOCKED", "RATE_LIMITED": executes = false
        default: executes = own.number("genops.accounting.actual") != nil || events.contains(reconciliationEvent)
        }
        let reservesBeforeStop = events.contains(reservationEvent) || own.number("genops.accounting.reserved") != nil
        if executes || reservesBeforeStop {
            if own.number("genops.accounting.reserved") == nil { broken.insert(.accountingReservedMissing) }
            if own.text("genops.accounting.unit") == nil { broken.insert(.accountingUnitMissing) }
            if !events.contains(reservationEvent) { broken.insert(.eventReservationMissing) }
        }
        if executes {
            if own.number("genops.accounting.actual") == nil { broken.insert(.accountingActualMissing) }
            if !events.contains(reconciliationEvent) { broken.insert(.eventReconciliationMissing) }
        } else if events.contains(reconciliationEvent) {
            broken.insert(.eventReconciliationUnexpected)
        }
        return .checked(broken.sorted())
    }

    private static let requiredEvents = [policyEvaluatedEvent, reservationEvent, reconciliationEvent]

    /// Whether an attribute of these can make a span an AWU: `genops.spec.version`, or any
    /// `genops.policy.*` or `genops.accounting.*` key (what `Lookup.hasGovernance` and the version read).
    private static func mayMakeAWU(_ attributes: [Attribute]) -> Bool {
        let byEntry = awuKeyEntries // read once, not once per attribute
        var found = false
        WellKnownKeys.shared.forEachKey(of: attributes) { position, entry in
            found = if let entry { byEntry[entry] } else { mayMakeAWU(spelled: attributes[position].key) } // a decoded key, or not
            return !found
        }
        return found
    }

    /// `mayMakeAWU` of each well-known key, by its table position.
    private static let awuKeyEntries = WellKnownKeys.shared.keys.map(mayMakeAWU(spelled:))

    private static func mayMakeAWU(spelled key: String) -> Bool {
        var key = key
        return key.withUTF8 { bytes in
            func starts(with prefix: [UInt8]) -> Bool {
                bytes.count >= prefix.count && prefix.indices.allSatisfy { bytes[$0] == prefix[$0] }
            }
            return starts(with: awuKeyPrefixes.policy) || starts(with: awuKeyPrefixes.accounting)
                || (bytes.count == awuKeyPrefixes.version.count && starts(with: awuKeyPrefixes.version))
        }
    }

    private static let awuKeyPrefixes = (policy: Array("genops.policy.".utf8), accounting: Array("genops.accounting.".utf8),
                                         version: Array("genops.spec.version".utf8))

    /// Sections 4.1 and 5.3–5.5 for one decision; an absent result is judged by the caller.
    private static func checkDecision(result: String?, reasonCode: String?, into broken: inout Set<ConformanceRule>) {
        if let result {
            if !results.contains(result) {
                // Whether a reason is due depends on the result; an invalid one is judged for itself.
                broken.insert(.policyResultInvalid)
            } else if result == "ALLOWED" {
                if reasonCode != nil { broken.insert(.policyReasonCodeUnexpected) }
            } else if reasonCode == nil {
                broken.insert(.policyReasonCodeMissing)
            }
        }
        if let reasonCode, !reasonCodes.contains(reasonCode), !isExtensionCode(reasonCode) {
            broken.insert(.policyReasonCodeInvalid)
        }
    }

    /// The GenOps attributes of one attribute list, by key (the first value of a key wins).
    private struct Lookup {
        private var values: [String: AttributeValue] = [:]

        init(_ attributes: [Attribute]) {
            for attribute in attributes where attribute.key.hasPrefix("genops.") && values[attribute.key] == nil {
                values[attribute.key] = attribute.value
            }
        }

        /// Non-empty, non-blank text.
        func text(_ key: String) -> String? {
            guard let value = values[key] else { return nil }
            let text = value.text
            return text.allSatisfy(\.isWhitespace) ? nil : text
        }

        /// A finite number.
        func number(_ key: String) -> Double? {
            guard let number = values[key]?.number, number.isFinite else { return nil }
            return number
        }

        var hasGovernance: Bool {
            values.keys.contains { $0.hasPrefix("genops.policy.") || $0.hasPrefix("genops.accounting.") }
        }
    }
}
