import GovTopCore
import Testing
@testable import GovTopUI

/// The History screen (`H`): golden screens at 120×40 and 80×24 (UTF-8 and ASCII), the screen
/// without a ledger, and its keys.
@Suite struct HistoryViewTests {
    /// 2027-01-15T08:00:00Z.
    static let now: Int64 = 1_800_000_000

    /// Deterministic spend: `ml` every day and hour (more on weekdays' afternoons), `web` a little
    /// every third day, `batch` one large day.
    static func history(dimension: Dimension = .team) -> HistoryFrame {
        let queries = HistoryFrame.queries(dimension: dimension, now: now)
        var rows: [(key: String, hourStart: Int64, amounts: Totals)] = []
        func spend(_ key: String, _ hour: Int64, _ nanos: Int128) {
            var totals = Totals()
            totals.reportedCost = Money(nanos: nanos)
            totals.requests = 1
            rows.append((key, hour, totals))
        }
        let firstHour = queries.days.from
        var hour = firstHour
        while hour <= now {
            let index = (hour - firstHour) / 3600
            let hourOfDay = index % 24
            spend("ml", hour, Int128(50_000_000 + (hourOfDay >= 12 && hourOfDay < 18 ? 400_000_000 : 0) + (index % 7) * 10_000_000))
            if (index / 24) % 3 == 0 { spend("web", hour, 20_000_000) }
            hour += 3600
        }
        spend("batch", HistoryQuery.floor(now, to: .day) - 5 * 86_400 + 7200, 9_000_000_000)
        let days = HistoryAnswer(query: queries.days, hourlyRows: rows)
        let hours = HistoryAnswer(query: queries.hours, hourlyRows: rows)
        return HistoryFrame(dimension: dimension, days: days, hours: hours, now: now)
    }

    static func budgets() -> [BudgetStatus] {
        let engine = Engine(configuration: EngineConfiguration(budgets: [
            BudgetDefinition(scope: [.team: "ml"], limitUSD: 4, period: .daily),
            BudgetDefinition(name: "ml-month", scope: [.team: "ml"], limitUSD: 100, period: .monthly),
            BudgetDefinition(scope: [.team: "ml"], limitUSD: 0.3, period: .hourly),
        ]), clock: GovClock { UInt64(now) * 1_000_000_000 })
        return engine.budgets()
    }

    struct Screen {
        var state = NavigationState()
        var frame: DashboardFrame
        let width: Int
        let height: Int

        init(width: Int, height: Int, history: HistoryFrame?) {
            self.width = width
            self.height = height
            let engine = ViewFixture.engine()
            frame = ViewFixture.frame(engine, state: state)
            frame.snapshot.budgets = HistoryViewTests.budgets()
            frame.history = history
            press(.character("H"))
        }

        var context: NavigationContext { NavigationContext(frame: frame, state: state, width: width, height: height) }

        mutating func press(_ keys: Key...) {
            for key in keys { _ = state.handle(key, context: context) }
            state.reconcile(with: context)
        }

        func render(ascii: Bool = false) -> String {
            var canvas = Canvas(width: width, height: height)
            DashboardView.render(into: &canvas, frame: frame, state: state, ascii: ascii)
            return canvas.text
        }
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func historyScreen(width: Int, height: Int) {
        let screen = Screen(width: width, height: height, history: Self.history())
        Snapshot.assertMatches(screen.render(), golden: "views/history-\(width)x\(height)")
        Snapshot.assertMatches(screen.render(ascii: true), golden: "views/history-ascii-\(width)x\(height)")
    }

    @Test func theSelectedGroupFollowsJAndK() {
        var screen = Screen(width: 120, height: 40, history: Self.history())
        #expect(screen.frame.history?.keys == ["batch", "ml", "web"] || screen.frame.history?.keys == ["ml", "batch", "web"])
        screen.press(.character("j"))
        #expect(screen.state.historyIndex == 1)
        screen.press(.character("j"), .character("j"), .character("j"))
        #expect(screen.state.historyIndex == 2)
        Snapshot.assertMatches(screen.render(), golden: "views/history-third-group-120x40")
        screen.press(.character("k"))
        #expect(screen.state.historyIndex == 1)
        screen.press(.character("g"))
        #expect(screen.state.historyIndex == 0)
        #expect(screen.state.teamsDimension != .team)
    }

    @Test func withoutALedgerTheScreenSaysWhy() {
        let screen = Screen(width: 80, height: 24, history: nil)
        #expect(screen.render().contains("no ledger of record"))
    }

    @Test func escGoesBackAndTheKeysAreInTheFooterAndHelp() {
        var screen = Screen(width: 120, height: 40, history: Self.history())
        #expect(screen.state.screen == .history)
        let footer = screen.state.footerHints.map(\.description)
        #expect(footer.contains { $0.contains("group by") } && footer.contains { $0.contains("back") })
        let help = screen.state.bindings.helpSections().flatMap(\.entries).map(\.description)
        #expect(help.contains { $0.contains("history") })
        screen.press(.escape)
        #expect(screen.state.screen == .dashboard)
    }

    @Test func theHeaderShowsFailedLedgerWrites() {
        var frame = ViewFixture.frame(ViewFixture.engine(), state: NavigationState())
        var canvas = Canvas(width: 120, height: 40)
        DashboardView.render(into: &canvas, frame: frame, state: NavigationState(), ascii: false)
        #expect(!canvas.text.contains("ledger errors"))
        frame.snapshot.summary.ledgerWriteErrors = 3
        DashboardView.render(into: &canvas, frame: frame, state: NavigationState(), ascii: false)
        let header = canvas.text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("ledger errors 3"))
    }

    @Test(arguments: [(Int64(1_800_000_000), Int64(1_798_761_600), Int64(1_801_440_000)),
                      (Int64(951_782_400), Int64(951_782_400 - 28 * 86_400), Int64(951_868_800))])
    func monthsAreUTCCalendarMonths(_ instant: Int64, _ start: Int64, _ end: Int64) {
        #expect(MonthMath.start(of: instant) == start)
        #expect(MonthMath.end(of: instant) == end)
    }
}
