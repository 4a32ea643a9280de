import GovTopCore
import Testing
@testable import GovTopUI

/// The navigation context measured from a frame agrees with what the view draws: the same keys,
/// page sizes equal to the rows on screen, the waterfall and detail line counts of the screen.
@Suite struct FrameContextTests {
    /// An engine holding `count` single-span traces named `trace-0` (oldest) ... one second apart.
    static func manyTraces(_ count: Int) -> Engine {
        let clock = ViewTestClock(ViewFixture.start)
        let engine = Engine(clock: clock.clock)
        let spans = (0..<count).map { index in
            ViewFixture.span(ViewFixture.trace(UInt64(index + 1)), 1, "trace-\(index)", at: UInt64(index) * 1000, ms: 5,
                             attributes: ViewFixture.llm("gpt-4o", cost: 0.001, input: 10, output: 5, team: "t\(index % 7)"))
        }
        engine.ingest(TraceBatch(resourceSpans: [ViewFixture.batch("svc", spans)]))
        clock.set(ViewFixture.start + UInt64(count + 1) * 1_000_000_000)
        return engine
    }

    @Test func keysAreTheSnapshotsRowsInDisplayOrder() {
        let driver = ViewDriver(width: 120, height: 40)
        let frame = driver.frame
        let context = driver.context
        #expect(context.traces.keys == frame.snapshot.traces.traces.map(\.traceID.hex))
        #expect(context.teams.keys == ["growth", "中文团队", "support", "research"])
        #expect(context.budgets.keys == ["team:growth", "team:support", "team:research", "org-monthly", "campaign"])
        #expect(context.alerts.keys == frame.snapshot.alerts.map(\.id))
        #expect(context.waterfall.isEmpty && context.detailLineCount == 0)
    }

    /// After PgDn the first row on screen is the selected one, `visibleRows` below the top: the
    /// reducer's page is exactly the table's height.
    @Test(arguments: [(120, 40, false), (80, 24, false), (120, 40, true), (80, 24, true), (60, 16, true)])
    func pageDownMovesByTheRowsOnScreen(width: Int, height: Int, zoomed: Bool) throws {
        var driver = ViewDriver(width: width, height: height, engine: Self.manyTraces(120))
        if zoomed { driver.press(.character("1")) }
        let page = driver.context.traces.visibleRows
        driver.press(.pageDown, .pageDown)
        let layout = DashboardLayout(width: width, height: height, state: driver.state, content: LayoutContent(driver.frame.snapshot))
        let inner = Box.inner(of: try #require(layout.panels[.traces]))
        #expect(page == inner.height - 1)
        let canvas = driver.render()
        let firstRow = inner.y + 1
        #expect(canvas.cell(x: inner.x, y: firstRow)?.style.role == .selection)
        #expect(canvas.line(firstRow).contains("trace-\(119 - 2 * page) "))
        #expect(canvas.line(inner.maxY - 1).contains("trace-\(119 - 3 * page + 1) "))
    }

    @Test(arguments: [Panel.teams, .budgets, .alerts])
    func otherPanelsPageByTheirOwnHeight(panel: Panel) throws {
        let driver = ViewDriver(width: 80, height: 24)
        let layout = DashboardLayout(width: 80, height: 24, state: driver.state, content: LayoutContent(driver.frame.snapshot))
        let inner = Box.inner(of: try #require(layout.panels[panel]))
        #expect(driver.context.frame(of: panel).visibleRows == inner.height - 1)
    }

    @Test(arguments: [(120, 40), (80, 24)]) func waterfallAndDetailCountsMatchTheScreen(width: Int, height: Int) throws {
        var driver = ViewDriver.openingAgentTrace(width: width, height: height)
        let context = driver.context
        let trace = try #require(driver.frame.trace)
        #expect(context.waterfall == TraceTree(trace).rows)
        #expect(context.waterfall.count == 7)
        let layout = DashboardLayout(width: width, height: height, state: driver.state)
        let waterfallBox = try #require(layout.waterfallBox)
        let spanBox = try #require(layout.spanBox)
        #expect(context.waterfallVisibleRows == Box.inner(of: waterfallBox).height - 1)
        #expect(context.detailVisibleRows == Box.inner(of: spanBox).height)
        #expect(context.detailLineCount == TraceDetailView.detailLineCount(trace: trace, state: try #require(driver.state.traceDetail)))
        for _ in 0..<60 { driver.press(.character("J")) }
        let lines = context.detailLineCount
        #expect(driver.state.traceDetail?.detailScroll == max(0, lines - context.detailVisibleRows))
        let canvas = driver.render()
        if lines > context.detailVisibleRows {
            #expect(canvas.line(spanBox.y).contains("/\(lines) "))
            #expect(canvas.line(spanBox.y).contains("\(lines - context.detailVisibleRows + 1)–\(lines)/"))
        }
    }

    @Test func helpScrollsToItsLastLineExactly() {
        var driver = ViewDriver(width: 80, height: 24)
        driver.press(.character("?"))
        let context = driver.context
        #expect(context.helpLineCount == HelpOverlay(sections: KeyBindings.standard.helpSections()).lineCount)
        driver.press(.character("G"))
        let canvas = driver.render()
        let total = context.helpLineCount
        #expect(driver.state.helpScroll == total - context.helpVisibleRows)
        #expect(canvas.text.contains("\(total - context.helpVisibleRows + 1)–\(total)/\(total)"))
    }

    @Test func aTraceThatLeftTheStoreHasNoRows() {
        var driver = ViewDriver.openingAgentTrace(width: 80, height: 24)
        var frame = driver.frame
        frame.trace = nil
        let context = NavigationContext(frame: frame, state: driver.state, width: 80, height: 24)
        #expect(context.waterfall.isEmpty && context.detailLineCount == 0)
        var canvas = Canvas(width: 80, height: 24)
        DashboardView.render(into: &canvas, frame: frame, state: driver.state, ascii: false)
        #expect(canvas.text.contains("This trace is not in the store"))
        driver.press(.escape)
        #expect(driver.state.screen == .zoomed(.traces))
    }
}
