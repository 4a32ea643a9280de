import GovTopCore
import Testing
@testable import GovTopUI

/// The hit map against rendered frames: a click on a row selects the row drawn at that line.
@Suite struct HitMapTests {
    static let sizes: [(Int, Int)] = [(120, 40), (80, 24), (200, 60)]

    /// Clicks every row region of every panel (dashboard and zoomed) and checks that the row
    /// the next frame draws in the `selection` role is on the line that was clicked.
    @Test(arguments: sizes)
    func clickingARowSelectsTheRowDrawnThere(width: Int, height: Int) {
        for zoom in [nil, Key.character("1"), .character("2"), .character("3"), .character("4")] {
            var base = ViewDriver(width: width, height: height)
            if let zoom { base.press(zoom) }
            let hits = DashboardLayout(width: width, height: height, state: base.state, frame: base.frame).hitMap(state: base.state)
            var clicked = 0
            for region in hits.regions {
                guard case .row(let panel, let index) = region.target, index < base.context.frame(of: panel).count else { continue }
                var driver = base
                let event = MouseEvent(.press(.left), x: region.rect.x + region.rect.width / 2, y: region.rect.y)
                let action = MouseAction(event, clickCount: 1, hits: hits)
                #expect(action == .select(panel, index: index))
                if let action { _ = driver.state.handle(action, context: driver.context) }
                driver.state.reconcile(with: driver.context)
                #expect(driver.state.focus == panel)
                #expect(driver.state.selection(of: panel).index == index)
                let canvas = driver.render()
                let outer = DashboardLayout(width: width, height: height, state: driver.state, frame: driver.frame).panels[panel] ?? .zero
                let selectedLines = (outer.y..<outer.maxY).filter { y in
                    canvas.cell(x: region.rect.x + 1, y: y)?.style.role == .selection
                }
                #expect(selectedLines == [region.rect.y], "\(panel) row \(index) at \(width)x\(height)\n\(canvas.text)")
                clicked += 1
            }
            #expect(clicked > 0, "no rows to click at \(width)x\(height), zoom \(String(describing: zoom))")
        }
    }

    /// Clicks every span row of an open trace's waterfall: the span drawn on that line is selected.
    @Test(arguments: sizes)
    func clickingAWaterfallRowSelectsTheSpanDrawnThere(width: Int, height: Int) {
        let base = ViewDriver.openingAgentTrace(width: width, height: height)
        let hits = DashboardLayout(width: width, height: height, state: base.state, frame: base.frame).hitMap(state: base.state)
        let box = DashboardLayout(width: width, height: height, state: base.state, frame: base.frame).waterfallBox ?? .zero
        var clicked = 0
        for region in hits.regions {
            guard case .waterfallRow(let index) = region.target, index < base.context.waterfall.count else { continue }
            var driver = base
            let event = MouseEvent(.press(.left), x: region.rect.x + 1, y: region.rect.y)
            let action = MouseAction(event, clickCount: 1, hits: hits)
            #expect(action == .selectSpan(index: index, toggle: false))
            if let action { _ = driver.state.handle(action, context: driver.context) }
            driver.state.reconcile(with: driver.context)
            #expect(driver.state.traceDetail?.selectedSpanID == driver.context.waterfall[index].spanID)
            let canvas = driver.render()
            let selectedLines = (box.y..<box.maxY).filter { y in canvas.cell(x: region.rect.x + 1, y: y)?.style.role == .selection }
            #expect(selectedLines == [region.rect.y], "span row \(index) at \(width)x\(height)\n\(canvas.text)")
            clicked += 1
        }
        #expect(clicked >= 2, "no span rows to click at \(width)x\(height)")
    }

    @Test func theHelpOverlayAndTheFilterInputTakeClicksFromWhatIsUnder() {
        var driver = ViewDriver(width: 120, height: 40)
        driver.press(.character("?"))
        let help = DashboardLayout(width: 120, height: 40, state: driver.state).hitMap(state: driver.state)
        #expect(help.target(x: 10, y: 5) == .overlay)
        #expect(MouseAction(MouseEvent(.press(.left), x: 10, y: 5), clickCount: 1, hits: help) == nil)
        #expect(MouseAction(MouseEvent(.wheelDown, x: 10, y: 5), clickCount: 0, hits: help) == .scroll(nil, down: true))

        var filtering = ViewDriver(width: 120, height: 40)
        filtering.press(.character("/"))
        let layout = DashboardLayout(width: 120, height: 40, state: filtering.state)
        let input = try! #require(layout.filterInput)
        #expect(layout.hitMap(state: filtering.state).target(x: input.x + 2, y: input.y) == .overlay)
    }

    @Test func headerFooterAndBordersAreNotRows() {
        let driver = ViewDriver(width: 120, height: 40)
        let layout = DashboardLayout(width: 120, height: 40, state: driver.state)
        let hits = layout.hitMap(state: driver.state)
        #expect(hits.target(x: 5, y: layout.header.y) == nil)
        #expect(hits.target(x: 5, y: layout.footer.y) == nil)
        let teams = try! #require(layout.panels[.teams])
        #expect(hits.target(x: teams.x, y: teams.y + 3) == .panel(.teams))
        #expect(hits.target(x: teams.x + 2, y: teams.y) == .panel(.teams))
        #expect(hits.target(x: teams.x + 2, y: teams.y + 1) == .panel(.teams)) // the column header
        #expect(MouseAction(MouseEvent(.press(.left), x: teams.x, y: teams.y), clickCount: 1, hits: hits) == .focus(.teams))
    }

    @Test func aTooSmallScreenHasNothingToClick() {
        let driver = ViewDriver(width: 40, height: 10)
        #expect(DashboardLayout(width: 40, height: 10, state: driver.state).hitMap(state: driver.state).regions.isEmpty)
    }
}
