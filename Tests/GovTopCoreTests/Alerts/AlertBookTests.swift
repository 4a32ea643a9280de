import Testing
@testable import GovTopCore

@Suite struct AlertBookTests {
    private let t = AlertTime.at

    private func condition(_ subject: String = "budget team:ml", kind: AlertKind = .budgetThreshold,
                           severity: AlertSeverity = .warning, message: String = "m", increment: Int = 0) -> AlertCondition {
        AlertCondition(kind: kind, subject: subject, severity: severity, message: message, increment: increment)
    }

    @Test func raisesANewAlert() throws {
        var book = AlertBook()
        let change = book.observe(condition(message: "Budget team:ml has used 81%"), now: t(0))
        #expect(change.kind == .raised)
        #expect(change.ringsBell == false)
        let alert = try #require(book.alert(id: change.alert.id))
        #expect(alert == change.alert)
        #expect(alert.kind == .budgetThreshold)
        #expect(alert.subject == "budget team:ml")
        #expect(alert.severity == .warning)
        #expect(alert.message == "Budget team:ml has used 81%")
        #expect(alert.firstSeen == t(0) && alert.lastSeen == t(0))
        #expect(alert.count == 1)
        #expect(alert.state == .active && alert.resolvedAt == nil && !alert.acknowledged)
        #expect(book.counts() == AlertCounts(warning: 1, unacknowledged: 1))
    }

    @Test func aNewCriticalAlertRingsTheBell() {
        var book = AlertBook()
        #expect(book.observe(condition(severity: .critical), now: t(0)).ringsBell)
    }

    @Test func countedEventsAddUpOnOneAlert() {
        var book = AlertBook()
        let first = book.observe(condition("policy pii / team ml", kind: .policyViolation, message: "one", increment: 2), now: t(0))
        let second = book.observe(condition("policy pii / team ml", kind: .policyViolation, message: "two", increment: 3), now: t(5))
        #expect(first.alert.count == 2)
        #expect(second.kind == .updated)
        #expect(second.alert.id == first.alert.id)
        #expect(second.alert.count == 5)
        #expect(second.alert.firstSeen == t(0))
        #expect(second.alert.lastSeen == t(5))
        #expect(second.alert.message == "two")
        #expect(second.isNotable == false)
        #expect(book.count == 1)
    }

    @Test func conditionsThatHoldDoNotCountEveryObservation() {
        var book = AlertBook()
        for second in 0..<10 { book.observe(condition(), now: t(Double(second))) }
        #expect(book.alerts().map(\.count) == [1])
    }

    @Test func differentKindsOrSubjectsAreDifferentAlerts() {
        var book = AlertBook()
        let a = book.observe(condition("budget team:ml"), now: t(0))
        let b = book.observe(condition("budget team:web"), now: t(0))
        let c = book.observe(condition("budget team:ml", kind: .budgetExceeded), now: t(0))
        #expect(Set([a.alert.id, b.alert.id, c.alert.id]).count == 3)
        #expect([a, b, c].allSatisfy { $0.kind == .raised })
    }

    @Test func severityEscalatesAtOnceAndRingsTheBell() {
        var book = AlertBook()
        let warning = book.observe(condition(severity: .warning, message: "80%"), now: t(0))
        let critical = book.observe(condition(severity: .critical, message: "95%"), now: t(1))
        #expect(critical.kind == .updated)
        #expect(critical.alert.id == warning.alert.id)
        #expect(critical.alert.severity == .critical)
        #expect(critical.previousSeverity == .warning)
        #expect(critical.severityChanged && critical.isNotable && critical.ringsBell)
        #expect(critical.alert.message == "95%")
        #expect(book.counts() == AlertCounts(critical: 1, unacknowledged: 1))
        let again = book.observe(condition(severity: .critical), now: t(2))
        #expect(again.ringsBell == false)
    }

    @Test func severityStepsDownOnlyAfterTheHigherOneWasGoneForTheHysteresisTime() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        book.observe(condition(kind: .costSpike, severity: .critical), now: t(0))
        let early = book.observe(condition(kind: .costSpike, severity: .warning, message: "lower"), now: t(59))
        #expect(early.alert.severity == .critical)
        #expect(early.alert.message == "lower")
        let late = book.observe(condition(kind: .costSpike, severity: .warning), now: t(60))
        #expect(late.alert.severity == .warning)
        #expect(late.previousSeverity == .critical)
    }

    @Test(arguments: [(59.999, false), (60.0, true), (3600.0, true)])
    func resolvesAfterTheHysteresisTimeAndNotBefore(seconds: Double, resolved: Bool) {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        let id = book.observe(condition(), now: t(0)).alert.id
        #expect(book.evaluate(now: t(30)).isEmpty)
        let changes = book.evaluate(now: t(seconds))
        #expect(changes.map(\.kind) == (resolved ? [.resolved] : []))
        #expect(book.alert(id: id)?.state == (resolved ? .resolved : .active))
        #expect(book.alert(id: id)?.resolvedAt == (resolved ? t(seconds) : nil))
        #expect(book.evaluate(now: t(seconds + 1000)).count == (resolved ? 0 : 1))
    }

    @Test func evaluateResolvesOnlyAlertsNotSeenLately() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        let stale = book.observe(condition("budget a"), now: t(0)).alert.id
        let fresh = book.observe(condition("budget b"), now: t(0)).alert.id
        book.observe(condition("budget b"), now: t(50))
        let changes = book.evaluate(now: t(70))
        #expect(changes.map(\.alert.id) == [stale])
        #expect(book.alert(id: fresh)?.state == .active)
        #expect(book.counts() == AlertCounts(warning: 1, unacknowledged: 1))
    }

    @Test func aValueFlappingFasterThanTheHysteresisKeepsOneActiveAlert() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        let detector = SpikeDetector()
        var changes: [AlertChange] = []
        for second in 0..<600 {
            let rate = (second / 20) % 2 == 0 ? 0.9 : 0.2
            if let spike = detector.costSpike(usdPerMinute: rate, baselineUSDPerMinute: 0.25) {
                changes.append(book.observe(spike, now: t(Double(second))))
            }
            changes += book.evaluate(now: t(Double(second)))
        }
        #expect(changes.filter { $0.kind != .updated }.map(\.kind) == [.raised])
        #expect(book.count == 1)
        changes = (600..<700).flatMap { book.evaluate(now: t(Double($0))) }
        #expect(changes.map(\.kind) == [.resolved])
    }

    @Test func aConditionBackWithinTheReactivationWindowReopensTheSameAlert() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60, reactivateWithinSeconds: 300))
        var changes: [AlertChange] = []
        for cycle in 0..<5 {
            let base = Double(cycle) * 240
            changes.append(book.observe(condition(kind: .errorRateSpike), now: t(base)))
            changes.append(book.observe(condition(kind: .errorRateSpike), now: t(base + 60)))
            changes += book.evaluate(now: t(base + 200))
        }
        #expect(Set(changes.map(\.alert.id)).count == 1)
        #expect(changes.filter { $0.kind == .raised }.count == 1)
        #expect(changes.filter { $0.kind == .reactivated }.count == 4)
        #expect(changes.filter { $0.kind == .resolved }.count == 5)
        let alert = book.alerts()[0]
        #expect(alert.count == 5)
        #expect(alert.firstSeen == t(0))
        #expect(book.count == 1)
    }

    @Test func aConditionBackAfterTheReactivationWindowRaisesANewAlert() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60, reactivateWithinSeconds: 300))
        let old = book.observe(condition(), now: t(0)).alert.id
        book.evaluate(now: t(60))
        let within = book.observe(condition(), now: t(360))
        #expect(within.kind == .reactivated && within.alert.id == old)
        book.evaluate(now: t(420))
        let after = book.observe(condition(), now: t(720.001))
        #expect(after.kind == .raised)
        #expect(after.alert.id != old)
        #expect(book.alert(id: old)?.state == .resolved)
        #expect(book.alerts().map(\.id) == [after.alert.id, old])
    }

    @Test func reactivationTakesTheNewSeverityAndRingsForCritical() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        book.observe(condition(severity: .critical), now: t(0))
        book.evaluate(now: t(60))
        let info = book.observe(condition(severity: .info), now: t(70))
        #expect(info.kind == .reactivated && info.alert.severity == .info && !info.ringsBell)
        book.evaluate(now: t(130))
        let critical = book.observe(condition(severity: .critical), now: t(140))
        #expect(critical.kind == .reactivated && critical.ringsBell)
    }

    @Test func acknowledgementSurvivesUpdatesAndIsClearedByReactivation() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        #expect(book.acknowledge(id: "a1") == false)
        let id = book.observe(condition(severity: .warning), now: t(0)).alert.id
        #expect(book.acknowledge(id: id) == true)
        #expect(book.counts() == AlertCounts(warning: 1, unacknowledged: 0))
        #expect(book.observe(condition(severity: .warning, increment: 4), now: t(10)).alert.acknowledged)
        #expect(book.observe(condition(severity: .critical), now: t(20)).alert.acknowledged)
        #expect(book.evaluate(now: t(80)).first?.alert.acknowledged == true)
        let reopened = book.observe(condition(severity: .critical), now: t(90))
        #expect(reopened.kind == .reactivated)
        #expect(reopened.alert.acknowledged == false)
        #expect(book.alert(id: id)?.acknowledged == false)
        #expect(book.counts().unacknowledged == 1)
        #expect(book.acknowledge(id: "nope") == false)
    }

    @Test func clearResolvedRemovesOnlyResolvedAlerts() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        let resolved = book.observe(condition("budget a"), now: t(0)).alert.id
        let active = book.observe(condition("budget b"), now: t(50)).alert.id
        book.evaluate(now: t(60))
        #expect(book.clearResolved() == 1)
        #expect(book.alerts().map(\.id) == [active])
        #expect(book.alert(id: resolved) == nil)
        #expect(book.acknowledge(id: resolved) == false)
        let back = book.observe(condition("budget a"), now: t(70))
        #expect(back.kind == .raised && back.alert.id != resolved)
        #expect(book.clearResolved() == 0)
    }

    @Test func alertsAreListedMostRecentlySeenFirst() {
        var book = AlertBook()
        let a = book.observe(condition("budget a"), now: t(0)).alert.id
        let b = book.observe(condition("budget b"), now: t(1)).alert.id
        let c = book.observe(condition("budget c"), now: t(1)).alert.id
        #expect(book.alerts().map(\.id) == [c, b, a])
        book.observe(condition("budget a"), now: t(2))
        #expect(book.alerts().map(\.id) == [a, c, b])
    }

    @Test func idsStayUniqueAfterAlertsLeaveTheLog() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 1, maxAlerts: 3, reactivateWithinSeconds: 0))
        var seen = Set<String>()
        for round in 0..<50 {
            let now = t(Double(round * 10))
            let change = book.observe(condition("budget \(round % 4)"), now: now)
            #expect(change.kind == .raised)
            #expect(seen.insert(change.alert.id).inserted)
            book.evaluate(now: now + 2_000_000_000)
            if round % 7 == 0 { book.clearResolved() }
        }
        #expect(book.count <= 3)
    }

    @Test func aClockGoingBackwardsNeitherTrapsNorRewindsTheLastSighting() {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60))
        book.observe(condition(), now: t(100))
        let change = book.observe(condition(), now: t(10))
        #expect(change.alert.lastSeen == t(100))
        #expect(book.evaluate(now: t(0)).isEmpty)
    }

    @Test func observingSeveralConditionsAtOnce() {
        var book = AlertBook()
        let changes = book.observe([condition("budget a"), condition("budget b"), condition("budget a")], now: t(0))
        #expect(changes.map(\.kind) == [.raised, .raised, .updated])
    }
}
