import Foundation

/// Instants for budget tests, written as ISO 8601 text with an explicit offset.
enum BudgetTestTime {
    static let minute: UInt64 = 60_000_000_000
    static let hour: UInt64 = 60 * minute

    /// Unix nanoseconds of an ISO 8601 instant such as `2025-03-30T00:00:00+01:00`; 0 when malformed,
    /// which no test uses as a real instant.
    static func ns(_ text: String) -> UInt64 {
        guard let date = ISO8601DateFormatter().date(from: text) else { return 0 }
        return UInt64(date.timeIntervalSince1970) * 1_000_000_000
    }

    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? .gmt
    }
}
