/// Arithmetic shared by configured and telemetry budgets.
enum BudgetMath {
    /// consumed / limit, from the exact amounts; for a limit ≤ 0, 1 once anything was spent.
    static func utilization(consumed: Money, limit: Money) -> Double {
        if limit > .zero { return Double(consumed.nanos) / Double(limit.nanos) }
        return consumed > .zero ? 1 : 0
    }

    static func crossed(_ thresholds: [Double], utilization: Double) -> [Double] {
        thresholds.filter { utilization >= $0 }
    }

    /// `now` plus the time `remaining` lasts at `burnPerHour`, if that is before `deadline`.
    static func exhaustion(now: UInt64, remaining: Money, burnPerHour: Double, deadline: UInt64?) -> UInt64? {
        guard remaining > .zero, burnPerHour > 0 else { return nil }
        let nanos = remaining.usd / burnPerHour * Double(BudgetWindow.nanosPerHour)
        guard nanos.isFinite, nanos < 0x1p63 else { return nil }
        let (instant, overflow) = now.addingReportingOverflow(UInt64(nanos))
        guard !overflow else { return nil }
        if let deadline, instant >= deadline { return nil }
        return instant
    }
}
