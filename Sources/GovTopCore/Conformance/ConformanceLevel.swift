/// A service's compliance with the GenOps specification, from the AWUs it sent (section 9).
public enum ConformanceLevel: String, Sendable, Hashable, CaseIterable {
    /// Every judged AWU conforms (section 9.1).
    case full
    /// Only rules of the accounting invariant are broken (section 9.2).
    case partial
    /// Some other rule is broken (section 9.3).
    case none
    /// The service sent spans but no GenOps AWU: not judged.
    case notGenOps = "not_genops"
    /// Every AWU declares a specification version the checker does not know: not judged.
    case unknownVersion = "unknown_version"

    /// Whether a CI run should fail on this level.
    public var fails: Bool { self == .partial || self == .none }
}
