import Testing
import GovTopUI

@Suite struct TraceDetailTests {
    /// a
    /// ├─ b
    /// │  └─ c (error)
    /// ├─ d (violation)
    /// └─ e
    ///    └─ f
    static let waterfall = [
        WaterfallRow(spanID: "a", depth: 0, hasChildren: true),
        WaterfallRow(spanID: "b", depth: 1, hasChildren: true),
        WaterfallRow(spanID: "c", depth: 2, hasChildren: false, isError: true),
        WaterfallRow(spanID: "d", depth: 1, hasChildren: false, isViolation: true),
        WaterfallRow(spanID: "e", depth: 1, hasChildren: true),
        WaterfallRow(spanID: "f", depth: 2, hasChildren: false),
    ]

    /// Zoomed traces, Enter on the first trace, the waterfall loaded.
    static func detailDriver(_ waterfall: [WaterfallRow] = waterfall, detailLines: Int = 0) -> Driver {
        var driver = Driver(NavigationContext(traces: rows(3, "t")))
        driver.press(.ch("1"), .enter)
        driver.show {
            $0.waterfall = waterfall
            $0.waterfallVisibleRows = 4
            $0.detailLineCount = detailLines
            $0.detailVisibleRows = 5
        }
        return driver
    }

    static func visible(_ driver: Driver) -> [String] {
        let indices = driver.state.traceDetail?.visibleRowIndices(in: driver.context.waterfall) ?? []
        return indices.map { driver.context.waterfall[$0].spanID }
    }

    @Test func enterOnATraceOpensItsDetail() {
        var driver = Driver(NavigationContext(traces: rows(3, "t")))
        driver.press(.ch("1"), .ch("j"))
        #expect(driver.press(.enter) == [.openTrace(traceID: "t1"), .redraw])
        #expect(driver.state.screen == .traceDetail(traceID: "t1"))
        #expect(driver.state.traceDetail?.traceID == "t1")
        #expect(driver.state.bindingContexts == [.traceDetail, .global])
    }

    @Test func theFirstSpanIsSelectedOnceTheWaterfallArrives() {
        let driver = Self.detailDriver()
        #expect(driver.state.traceDetail?.selectedSpanID == "a")
    }

    @Test func escClosesTheTraceAndReturnsToTheList() {
        var driver = Self.detailDriver()
        #expect(driver.press(.escape) == [.closeTrace, .redraw])
        #expect(driver.state.screen == .zoomed(.traces))
        #expect(driver.state.traceDetail == nil)
        driver.press(.escape)
        #expect(driver.state.screen == .dashboard)
    }

    @Test func aNumberKeyLeavesTheTraceToo() {
        var driver = Self.detailDriver()
        #expect(driver.press(.ch("3")) == [.closeTrace, .redraw])
        #expect(driver.state.screen == .zoomed(.budgets))
        #expect(driver.state.traceDetail == nil)
    }

    @Test func jAndKMoveOverTheWaterfallNotTheList() {
        var driver = Self.detailDriver()
        driver.press(.ch("j"), .ch("j"), .down)
        #expect(driver.state.traceDetail?.selectedSpanID == "d")
        driver.press(.ch("k"))
        #expect(driver.state.traceDetail?.selectedSpanID == "c")
        #expect(driver.state.traces.index == 0)
        driver.press(.pageDown)
        #expect(driver.state.traceDetail?.selectedSpanID == "f")
        driver.press(.ch("g"))
        #expect(driver.state.traceDetail?.selectedSpanID == "a")
        driver.press(.ch("G"))
        #expect(driver.state.traceDetail?.selectedSpanID == "f")
    }

    @Test(arguments: [Key.enter, .ch(" ")])
    func enterAndSpaceToggleTheSelectedSubtree(key: Key) {
        var driver = Self.detailDriver()
        driver.press(key)
        #expect(Self.visible(driver) == ["a"])
        #expect(driver.state.traceDetail?.collapsed == ["a"])
        driver.press(key)
        #expect(Self.visible(driver) == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func toggleOnALeafDoesNothing() {
        var driver = Self.detailDriver()
        driver.press(.ch("j"), .ch("j"))
        #expect(driver.press(.enter) == [])
    }

    @Test func collapsingAnInnerSpanHidesOnlyItsSubtree() {
        var driver = Self.detailDriver()
        driver.press(.ch("j"), .enter)
        #expect(Self.visible(driver) == ["a", "b", "d", "e", "f"])
        driver.press(.ch("j"))
        #expect(driver.state.traceDetail?.selectedSpanID == "d", "j skips the hidden span")
    }

    @Test func hCollapsesThenGoesToTheParent() {
        var driver = Self.detailDriver()
        driver.press(.ch("j"))
        driver.press(.ch("h"))
        #expect(driver.state.traceDetail?.collapsed == ["b"])
        #expect(driver.state.traceDetail?.selectedSpanID == "b")
        driver.press(.left)
        #expect(driver.state.traceDetail?.selectedSpanID == "a")
        driver.press(.ch("G"), .ch("h"))
        #expect(driver.state.traceDetail?.selectedSpanID == "e", "on a leaf h goes to the parent")
        driver.press(.ch("g"), .ch("h"), .ch("h"))
        #expect(driver.state.traceDetail?.selectedSpanID == "a", "on a collapsed root h stays")
        #expect(Self.visible(driver) == ["a"])
    }

    @Test func lExpandsThenGoesToTheFirstChild() {
        var driver = Self.detailDriver()
        driver.press(.enter)
        driver.press(.ch("l"))
        #expect(driver.state.traceDetail?.collapsed == [])
        #expect(driver.state.traceDetail?.selectedSpanID == "a")
        driver.press(.right)
        #expect(driver.state.traceDetail?.selectedSpanID == "b")
        driver.press(.ch("l"), .ch("l"))
        #expect(driver.state.traceDetail?.selectedSpanID == "c")
        #expect(driver.press(.ch("l")) == [], "a leaf has no child")
    }

    @Test func nAndCapitalNJumpBetweenProblemsAndWrap() {
        var driver = Self.detailDriver()
        var path: [String?] = []
        var messages: [NavigationAction] = []
        for key in [Key.ch("n"), .ch("n"), .ch("n"), .ch("N"), .ch("N")] {
            messages += driver.press(key).filter { $0 != .redraw }
            path.append(driver.state.traceDetail?.selectedSpanID)
        }
        #expect(path == ["c", "d", "c", "d", "c"])
        #expect(messages == [.notify("search wrapped to the top"), .notify("search wrapped to the bottom")])
    }

    @Test func nOpensCollapsedAncestorsOfTheProblem() {
        var driver = Self.detailDriver()
        driver.press(.ch("j"), .enter, .ch("k"), .enter)
        #expect(Self.visible(driver) == ["a"])
        driver.press(.ch("n"))
        #expect(driver.state.traceDetail?.selectedSpanID == "c")
        #expect(Self.visible(driver) == ["a", "b", "c", "d", "e", "f"])
        #expect(driver.state.traceDetail?.collapsed == [])
    }

    @Test func nWithoutProblemsSaysSo() {
        let clean = Self.waterfall.map { WaterfallRow(spanID: $0.spanID, depth: $0.depth, hasChildren: $0.hasChildren) }
        var driver = Self.detailDriver(clean)
        #expect(driver.press(.ch("n")) == [.notify("no errors or violations in this trace")])
        var single = Self.detailDriver([WaterfallRow(spanID: "x", depth: 0, hasChildren: false, isError: true)])
        #expect(single.press(.ch("N")) == [.notify("no other errors or violations in this trace")])
    }

    @Test func capitalJAndKScrollTheSpanDetailWithinItsLength() {
        var driver = Self.detailDriver(detailLines: 8)
        driver.press(.ch("J"), .ch("J"), .ch("J"), .ch("J"))
        #expect(driver.state.traceDetail?.detailScroll == 3)
        driver.press(.ch("K"))
        #expect(driver.state.traceDetail?.detailScroll == 2)
        driver.press(.ch("j"))
        #expect(driver.state.traceDetail?.detailScroll == 0, "another span's detail starts at the top")
        driver.press(.ch("K"))
        #expect(driver.state.traceDetail?.detailScroll == 0)
    }

    @Test func theSpanDetailScrollClampsWhenTheDetailShrinks() {
        var driver = Self.detailDriver(detailLines: 20)
        driver.press(.ch("J"), .ch("J"), .ch("J"), .ch("J"), .ch("J"), .ch("J"))
        driver.show { $0.detailLineCount = 7 }
        #expect(driver.state.traceDetail?.detailScroll == 2)
    }

    @Test func yCopiesAndEExportsTheTraceID() {
        var driver = Self.detailDriver()
        #expect(driver.press(.ch("y")) == [.copyToClipboard("t0")])
        #expect(driver.press(.ch("e")) == [.exportTrace(traceID: "t0")])
    }

    @Test func yOnTheListCopiesTheSelectedTrace() {
        var driver = Driver()
        driver.press(.ch("j"))
        #expect(driver.press(.ch("y")) == [.copyToClipboard("t1")])
        #expect(driver.press(.ch("e")) == [], "export is a detail-screen key")
    }

    @Test func keysWaitForTheWaterfallToLoad() {
        var driver = Driver(NavigationContext(traces: rows(1, "t")))
        driver.press(.ch("1"), .enter)
        #expect(driver.press(.ch("j"), .enter, .ch("h"), .ch("l"), .ch("J")) == [])
        #expect(driver.press(.ch("n")) == [])
        #expect(driver.state.traceDetail?.selectedSpanID == nil)
    }

    @Test func tabDoesNothingOnTheDetailScreen() {
        var driver = Self.detailDriver()
        #expect(driver.press(.tab) == [])
        #expect(driver.state.focus == .traces)
    }

    @Test func deepTreesAndOddDepthsAreHandledWithoutRecursion() {
        let deep = (0..<10_000).map { WaterfallRow(spanID: "s\($0)", depth: $0, hasChildren: $0 < 9_999) }
            + [WaterfallRow(spanID: "err", depth: 10_000, hasChildren: false, isError: true),
               WaterfallRow(spanID: "odd", depth: -3, hasChildren: false)]
        var driver = Self.detailDriver(deep)
        driver.press(.enter)
        #expect(Self.visible(driver) == ["s0", "odd"])
        driver.press(.ch("n"))
        #expect(driver.state.traceDetail?.selectedSpanID == "err")
        #expect(Self.visible(driver).count == deep.count)
    }
}
