import GovTopCore
import Testing

@Suite struct NotificationGateTests {
    static let hour: UInt64 = 3_600_000_000_000

    static func change(_ kind: AlertChange.Kind, severity: AlertSeverity = .warning, previous: AlertSeverity? = nil,
                       alertKind: AlertKind = .costSpike, subject: String = "cost rate") -> AlertChange {
        let alert = Alert(id: "a1", kind: alertKind, severity: severity, subject: subject, message: "m", firstSeen: 0, lastSeen: 0,
                          count: 1, state: kind == .resolved ? .resolved : .active)
        return AlertChange(kind: kind, alert: alert, previousSeverity: previous ?? severity)
    }

    static func gate(minSeverity: AlertSeverity = .info, kinds: Set<AlertKind> = [], repeatAfter: Double = 0,
                     resolved: Bool = true) -> NotificationGate {
        NotificationGate(settings: NotificationSinkSettings(name: "s", target: .command(["true"]), minSeverity: minSeverity, kinds: kinds,
                                                            repeatAfterSeconds: repeatAfter, sendResolved: resolved))
    }

    @Test func firesThenResolvesOnce() {
        var gate = Self.gate()
        #expect(gate.admit(Self.change(.raised), now: 0) == .firing)
        #expect(gate.admit(Self.change(.updated), now: 1) == nil)
        #expect(gate.admit(Self.change(.resolved), now: 2) == .resolved)
        #expect(gate.admit(Self.change(.resolved), now: 3) == nil)
        #expect(gate.admit(Self.change(.reactivated), now: 4) == .firing)
    }

    @Test func escalationAlwaysGoesThroughButADropInSeverityDoesNot() {
        var gate = Self.gate(repeatAfter: 86_400)
        #expect(gate.admit(Self.change(.raised, severity: .warning), now: 0) == .firing)
        #expect(gate.admit(Self.change(.updated, severity: .critical, previous: .warning), now: 1) == .escalated)
        #expect(gate.admit(Self.change(.updated, severity: .warning, previous: .critical), now: 2) == nil)
        #expect(gate.suppressed == 0)
    }

    @Test(arguments: [
        (AlertSeverity.info, AlertSeverity.warning, false),
        (.warning, .warning, true),
        (.critical, .warning, true),
        (.warning, .critical, false),
    ])
    func severityFilter(severity: AlertSeverity, minimum: AlertSeverity, sent: Bool) {
        var gate = Self.gate(minSeverity: minimum)
        #expect((gate.admit(Self.change(.raised, severity: severity), now: 0) != nil) == sent)
        // A resolution follows only what was sent.
        #expect((gate.admit(Self.change(.resolved, severity: severity), now: 1) != nil) == sent)
    }

    @Test func kindFilter() {
        var gate = Self.gate(kinds: [.budgetExceeded])
        #expect(gate.admit(Self.change(.raised), now: 0) == nil)
        #expect(gate.admit(Self.change(.raised, alertKind: .budgetExceeded, subject: "budget x"), now: 0) == .firing)
    }

    @Test func repeatAfterSuppressesAFlappingAlertUntilItHasPassed() {
        var gate = Self.gate(repeatAfter: 3600)
        #expect(gate.admit(Self.change(.raised), now: 0) == .firing)
        #expect(gate.admit(Self.change(.resolved), now: Self.hour / 4) == .resolved)
        #expect(gate.admit(Self.change(.raised), now: Self.hour / 2) == nil)
        #expect(gate.suppressed == 1)
        // The suppressed firing was not sent, so neither is its resolution.
        #expect(gate.admit(Self.change(.resolved), now: Self.hour / 2 + 1) == nil)
        #expect(gate.admit(Self.change(.raised), now: Self.hour) == .firing)
        // Another subject is another alert.
        #expect(gate.admit(Self.change(.raised, subject: "cost rate team:ml"), now: Self.hour) == .firing)
    }

    @Test func withoutRepeatAfterEveryReturnIsSent() {
        var gate = Self.gate()
        for step in 0..<3 {
            #expect(gate.admit(Self.change(.raised), now: UInt64(2 * step)) == .firing)
            #expect(gate.admit(Self.change(.resolved), now: UInt64(2 * step + 1)) == .resolved)
        }
    }

    @Test func resolvedMessagesCanBeTurnedOff() {
        var gate = Self.gate(resolved: false)
        #expect(gate.admit(Self.change(.raised), now: 0) == .firing)
        #expect(gate.admit(Self.change(.resolved), now: 1) == nil)
    }

    @Test func remindersRepeatAlertsStillFiringAfterRepeatAfter() {
        var gate = Self.gate(repeatAfter: 3600)
        let firing = Self.change(.raised).alert
        #expect(gate.admit(Self.change(.raised), now: 0) == .firing)
        #expect(gate.reminders([firing], now: Self.hour - 1).isEmpty)
        #expect(gate.reminders([firing], now: Self.hour).map(\.id) == ["a1"])
        #expect(gate.reminders([firing], now: Self.hour + 1).isEmpty)
        var quiet = Self.gate()
        _ = quiet.admit(Self.change(.raised), now: 0)
        #expect(quiet.reminders([firing], now: 100 * Self.hour).isEmpty)
    }

    @Test func droppedChangesAreNeverSent() {
        var gate = Self.gate()
        #expect(gate.admit(Self.change(.dropped, severity: .critical), now: 0) == nil)
    }
}
