import Foundation
import GovTopCore

/// Reads `budgets:`, a list of spending limits, each scoped by any combination of dimensions.
///
/// Budget names must be unique, including names made from the scope when none is given
/// (`team:ml-platform`, `all`).
enum BudgetsSection {
    enum Expected {
        static let list = "a list of budgets"
        static let entry = "a mapping with a limit, and optionally a name, scope keys, period, thresholds, consumed and action"
        static let name = "a budget name"
        static let limit = "a number of US dollars greater than 0 and at most 1000000000000"
        static let thresholds = "a list of fractions greater than 0 and at most 1, such as [0.5, 0.8, 0.95]"
        static let threshold = "a fraction greater than 0 and at most 1"
        static let consumed = "a number of US dollars from 0 to 1000000000000"
        static let period = "hourly, daily, weekly, monthly, or a rolling window such as 10s, 15m, 24h, 7d, 30d (at most 366d)"
        static let resetAt = "a local time HH:MM such as 09:00, for a daily, weekly or monthly period"
        static let source = "traced (spend seen in spans, the default) or metered (usage reported in metrics)"

        static func scope(_ dimension: GovTopCore.Dimension) -> String {
            let words = dimension.rawValue.replacingOccurrences(of: "_", with: " ")
            let article = words.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            return "\(article) \(words) name"
        }
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> [BudgetDefinition] {
        var budgets: [BudgetDefinition] = []
        var names: [String: ConfigNode] = [:]
        for element in try node.list(expected: Expected.list) {
            let (budget, nameNode) = try entry(element)
            let at = nameNode ?? element
            if let earlier = names[budget.name] {
                throw at.duplicateName("budget", budget.name, detail: nameNode == nil ? " (made from its scope)" : "",
                                       earlier: earlier, owner: earlier.elementPath(within: node))
            }
            names[budget.name] = at
            budgets.append(budget)
        }
        return budgets
    }

    private static func entry(_ node: ConfigNode) throws(ConfigError) -> (BudgetDefinition, ConfigNode?) {
        var name: (text: String, node: ConfigNode)?
        var scope: [GovTopCore.Dimension: String] = [:]
        var limit: Double?
        var period = BudgetPeriod.monthly
        var thresholds = [0.5, 0.8, 0.95]
        var consumed = 0.0
        var action = BudgetAction.alert
        var source = BudgetSource.config
        var timeZone: TimeZone?
        var resetAt: (time: BudgetResetTime, node: ConfigNode)?
        for entry in try node.entries(expected: Expected.entry) {
            let value = entry.value
            if let dimension = GovTopCore.Dimension(rawValue: entry.key) {
                let text = try value.text(expected: Expected.scope(dimension))
                // Telemetry's longer values name no group, so such a budget would never count anything.
                guard ValueBounds.namesGroup(text) else {
                    throw value.error("\(Expected.scope(dimension)) is at most \(ValueBounds.maxGroupValueBytes) UTF-8 bytes, as telemetry's group names are; this one has \(text.utf8.count)")
                }
                scope[dimension] = text
                continue
            }
            switch entry.key {
            case "name": name = (try value.text(expected: Expected.name), value)
            case "limit": limit = try value.number(expected: Expected.limit) { $0 > 0 && $0 <= ValueBounds.maxBudgetUSD }
            case "period": period = try Self.period(value)
            case "time_zone": timeZone = try ConfigDocument.timeZone(value)
            case "reset_at":
                guard let time = BudgetResetTime(text: try value.text(expected: Expected.resetAt)) else { throw value.expected(Expected.resetAt) }
                resetAt = (time, value)
            case "thresholds": thresholds = try self.thresholds(value)
            case "consumed": consumed = try value.number(expected: Expected.consumed) { $0 >= 0 && $0 <= ValueBounds.maxBudgetUSD }
            case "action": action = try value.choice(BudgetAction.self)
            case "source": source = try Self.source(value)
            default: throw entry.unknown(allowed: ConfigKeys.budget)
            }
        }
        guard let limit else { throw node.missing("limit", expected: Expected.limit) }
        if let resetAt, !(period == .daily || period == .weekly || period == .monthly) {
            throw resetAt.node.error("a reset time applies to daily, weekly and monthly periods, not \(period.rawValue); remove reset_at or change the period")
        }
        var budget = BudgetDefinition(name: name?.text, scope: scope, limitUSD: limit, period: period,
                                      thresholds: thresholds, initialConsumedUSD: consumed, action: action,
                                      timeZone: timeZone, resetAt: resetAt?.time)
        budget.source = source
        return (budget, name?.node)
    }

    /// A calendar period or a rolling window (`24h`).
    private static func period(_ value: ConfigNode) throws(ConfigError) -> BudgetPeriod {
        let text = try value.text(expected: Expected.period)
        if let period = BudgetPeriod(rawValue: text) { return period }
        throw value.expected(Expected.period, suggestion: KeySuggestion.nearest(to: text, among: BudgetPeriod.calendarPeriods.map(\.rawValue)))
    }

    /// `traced` (the default) or `metered`.
    private static func source(_ value: ConfigNode) throws(ConfigError) -> BudgetSource {
        switch try value.text(expected: Expected.source) {
        case "traced": return .config
        case "metered": return .metered
        default: throw value.error("\(value.shown) is not a budget source; expected \(Expected.source)")
        }
    }

    private static func thresholds(_ value: ConfigNode) throws(ConfigError) -> [Double] {
        var fractions: [Double] = []
        for element in try value.list(expected: Expected.thresholds) {
            let fraction = try element.number(expected: Expected.threshold) { $0 > 0 && $0 <= 1 }
            guard !fractions.contains(fraction) else { throw element.error("\(element.shown) is listed twice; thresholds must differ") }
            fractions.append(fraction)
        }
        return fractions
    }
}
