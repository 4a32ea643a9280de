/// Arithmetic shared by configured and telemetry budgets.
enum BudgetMath {
    static func utilization(consumed: Double, limit: Double) -> Double {
        if limit > 0 { return consumed / limit }
        return consumed > 0 ? 1 : 0
    }

    static func crossed(_ thresholds: [Double], utilization: Double) -> [Double] {
        thresholds.filter { utilization >= $0 }
    }

    /// `now` plus the time `remaining` lasts at `burnPerHour`, if that is before `deadline`.
    static func exhaustion(now: UInt64, remaining: Double, burnPerHour: Double, deadline: UInt64?) -> UInt64? {
        guard remaining > 0, burnPerHour > 0 else { return nil }
        let nanos = remaining / burnPerHour * Double(BudgetWindow.nanosPerHour)
        guard nanos.isFinite, nanos < 0x1p63 else { return nil }
        let (instant, overflow) = now.addingReportingOverflow(UInt64(nanos))
        guard !overflow else { return nil }
        if let deadline, instant >= deadline { return nil }
        return instant
    }
}
