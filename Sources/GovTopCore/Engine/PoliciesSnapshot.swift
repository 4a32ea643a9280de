/// Policy violations and evaluation results of one moment, read in one lock acquisition.
public struct PoliciesSnapshot: Sendable {
    public var policies: PolicyStatsSnapshot
    public var evaluations: EvaluationStatsSnapshot
}
