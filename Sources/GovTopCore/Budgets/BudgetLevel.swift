/// How close a budget is to its limit.
///
/// The rule, for thresholds sorted ascending and counting only those strictly between 0 and 1:
/// - `exceeded` once utilization ≥ 1 (consumption reached the limit);
/// - `critical` once utilization ≥ the highest threshold;
/// - `warning` once utilization ≥ the second-highest threshold;
/// - `ok` below that.
///
/// With the default thresholds [0.5, 0.8, 0.95]: ok < 0.8 ≤ warning < 0.95 ≤ critical < 1 ≤ exceeded
/// (crossing 0.5 raises an alert but leaves the budget `ok`). With a single threshold, reaching it means
/// `warning` and there is no `critical`; with none, a budget is `ok` until exceeded.
public enum BudgetLevel: String, CaseIterable, Sendable, Hashable, Comparable {
    case ok, warning, critical, exceeded

    public static func classify(utilization: Double, thresholds: [Double]) -> BudgetLevel {
        if utilization >= 1 { return .exceeded }
        let levels = thresholds.filter { $0 > 0 && $0 < 1 }.sorted()
        guard let highest = levels.last else { return .ok }
        if levels.count == 1 { return utilization >= highest ? .warning : .ok }
        if utilization >= highest { return .critical }
        if utilization >= levels[levels.count - 2] { return .warning }
        return .ok
    }

    public static func < (lhs: BudgetLevel, rhs: BudgetLevel) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .critical: 2
        case .exceeded: 3
        }
    }
}
