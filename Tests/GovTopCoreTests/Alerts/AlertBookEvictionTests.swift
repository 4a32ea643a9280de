import Testing
@testable import GovTopCore

@Suite struct AlertBookEvictionTests {
    private let t = AlertTime.at

    private func condition(_ subject: String, _ severity: AlertSeverity) -> AlertCondition {
        AlertCondition(kind: .costSpike, subject: subject, severity: severity, message: subject)
    }

    /// A full book of 4: `resolved` (seen at 0, resolved), `info` (1), `warning` (2), `critical` (3).
    private func fullBook() -> AlertBook {
        var book = AlertBook(settings: AlertSettings(resolveAfterSeconds: 60, maxAlerts: 4))
        book.observe(condition("resolved", .critical), now: t(0))
        book.evaluate(now: t(60))
        book.observe(condition("info", .info), now: t(61))
        book.observe(condition("warning", .warning), now: t(62))
        book.observe(condition("critical", .critical), now: t(63))
        return book
    }

    private func subjects(_ book: AlertBook) -> Set<String> { Set(book.alerts().map(\.subject)) }

    @Test func evictsResolvedThenInfoThenWarningThenCritical() {
        var book = fullBook()
        var evicted: [String] = []
        var before = subjects(book)
        for index in 0..<4 {
            let change = book.observe(condition("new \(index)", .critical), now: t(Double(70 + index)))
            #expect(change.kind == .raised)
            let after = subjects(book)
            evicted += before.subtracting(after)
            before = after
        }
        #expect(evicted == ["resolved", "info", "warning", "critical"])
        #expect(book.count == 4)
        #expect(book.droppedCount == 4)
    }

    @Test func theOldestOfTheSameClassGoesFirst() {
        var book = AlertBook(settings: AlertSettings(maxAlerts: 3))
        book.observe(condition("x", .info), now: t(0))
        book.observe(condition("y", .info), now: t(1))
        book.observe(condition("z", .info), now: t(2))
        book.observe(condition("x", .info), now: t(3))
        book.observe(condition("new", .info), now: t(4))
        #expect(subjects(book) == ["x", "z", "new"])
    }

    @Test func aNewInfoIsDroppedRatherThanEvictingACritical() {
        var book = AlertBook(settings: AlertSettings(maxAlerts: 2))
        let first = book.observe(condition("a", .critical), now: t(0)).alert.id
        let second = book.observe(condition("b", .critical), now: t(1)).alert.id
        let change = book.observe(condition("late info", .info), now: t(2))
        #expect(change.kind == .dropped)
        #expect(book.alert(id: change.alert.id) == nil)
        #expect(Set(book.alerts().map(\.id)) == [first, second])
        #expect(book.droppedCount == 1)
        let warning = book.observe(condition("late warning", .warning), now: t(3))
        #expect(warning.kind == .dropped)
        #expect(warning.alert.id != change.alert.id)
        #expect(book.droppedCount == 2)
    }

    @Test func aNewCriticalEvictsAnOldInfo() {
        var book = AlertBook(settings: AlertSettings(maxAlerts: 2))
        book.observe(condition("old info", .info), now: t(0))
        book.observe(condition("critical", .critical), now: t(1))
        #expect(book.observe(condition("new critical", .critical), now: t(2)).kind == .raised)
        #expect(subjects(book) == ["critical", "new critical"])
    }

    @Test func updatesAndReactivationsNeverEvict() {
        var book = fullBook()
        book.observe(condition("info", .critical), now: t(70))
        book.observe(condition("resolved", .critical), now: t(71))
        #expect(book.count == 4)
        #expect(book.droppedCount == 0)
        #expect(book.alerts().filter { !$0.isActive }.isEmpty)
    }

    @Test func anEvictedConditionComingBackRaisesANewAlert() {
        var book = AlertBook(settings: AlertSettings(maxAlerts: 1))
        let old = book.observe(condition("a", .info), now: t(0)).alert.id
        book.observe(condition("b", .info), now: t(1))
        let back = book.observe(condition("a", .info), now: t(2))
        #expect(back.kind == .raised)
        #expect(back.alert.id != old)
        #expect(subjects(book) == ["a"])
    }

    @Test func aNonPositiveLimitStillKeepsOneAlert() {
        var book = AlertBook(settings: AlertSettings(maxAlerts: 0))
        book.observe(condition("a", .warning), now: t(0))
        #expect(book.count == 1)
    }
}
