/// Why one delivery attempt failed, and whether trying again may help.
struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    /// Connection trouble, timeouts, 5xx, 408 and 429, and failed commands: yes. Other 4xx (a wrong
    /// URL, a revoked Slack webhook): no, the same request would fail again.
    var retryable: Bool

    var description: String { message }

    static func status(_ code: Int, _ message: String) -> DeliveryFailure {
        DeliveryFailure(message: message.isEmpty ? "HTTP \(code)" : "HTTP \(code): \(message)",
                        retryable: code >= 500 || code == 408 || code == 429)
    }
}

/// Delivers one notification body, blocking the calling thread (a sink's worker) until it is
/// delivered or has failed. Every attempt ends within its timeout.
protocol NotificationTransport: Sendable {
    func deliver(_ body: [UInt8]) throws(DeliveryFailure)
}
