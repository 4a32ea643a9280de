import GovTopCore
import GovTopReceiver

/// The bodies sinks send, built from the alert log's stored values with the API's own renderers, so a
/// webhook sees the same alert and budget objects as `GET /api/v1/alerts` and `/api/v1/budgets`.
/// The JSON writer replaces every control character (the line feed before Slack's second line aside).
enum NotificationPayload {
    /// Webhooks and commands: `{"source", "event", "sink", "text", "alert", "budget"?}`.
    static func json(_ event: NotificationEvent, sink: String) -> [UInt8] {
        var members: [(String, JSONValue)] = [
            ("source", .string("govtop")),
            ("event", .string(event.reason.rawValue)),
            ("sink", .string(sink)),
            ("text", .string(event.line)),
            ("alert", AlertsRenderer.alert(event.alert)),
        ]
        if let budget = event.budget { members.append(("budget", BudgetsRenderer.budget(budget))) }
        return JSONValue.object(members).serialized
    }

    /// A Slack incoming-webhook message: `{"text": "[CRITICAL] budget exceeded: …"}`, with the budget's
    /// projection on a second line for budget alerts.
    static func slack(_ event: NotificationEvent) -> [UInt8] {
        var lines = [event.line]
        if let budget = event.budget, event.reason != .resolved, let projection = projection(budget) { lines.append(projection) }
        return JSONValue.object([("text", .lines(lines))]).serialized
    }

    /// `Spent $81.20 of $100.00 (81.2%), burning $12.00/h; runs out 2026-01-01T18:00:00Z, resets 2026-01-02T00:00:00Z`.
    static func projection(_ budget: BudgetStatus) -> String? {
        guard let consumed = budget.consumedUSD, let limit = budget.limitUSD else { return nil }
        var text = "Spent \(usd(consumed)) of \(usd(limit))"
        if let utilization = budget.utilization, utilization.isFinite { text += " (\(Int((utilization * 100).rounded(.down)))%)" }
        if let burn = budget.burnUSDPerHour, burn > 0 { text += ", burning \(usd(burn))/h" }
        if let exhaustion = budget.projectedExhaustion { text += "; runs out \(RFC3339.format(unixNanos: exhaustion))" }
        if let resets = budget.resetsAt { text += (budget.projectedExhaustion == nil ? "; " : ", ") + "resets \(RFC3339.format(unixNanos: resets))" }
        return text
    }

    private static func usd(_ value: Double) -> String {
        guard value.isFinite else { return "$?" }
        let cents = (value * 100).rounded()
        return "$" + String(Int64(cents) / 100) + "." + String(format2(Int64(abs(cents)) % 100))
    }

    private static func format2(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
