/// What the conformance checker made of one span.
public enum AWUVerdict: Sendable, Hashable {
    /// The span carries no GenOps governance: not an AI Workload Unit.
    case notAWU
    /// An AWU that declares a specification version the checker does not know (not judged).
    case unknownVersion(String)
    /// An AWU judged against v0.1: the rules it breaks (empty when it conforms), in rule order.
    case checked([ConformanceRule])
}
