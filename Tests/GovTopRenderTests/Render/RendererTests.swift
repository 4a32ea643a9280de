import GovTopCore
import GovTopRender
import GovTopUI
import Testing

@Suite struct RendererTests {
    static let size = try! RenderSize(width: 120, height: 40)

    @Test(arguments: RenderView.allCases, RenderFormat.allCases)
    func sameArgumentsSameBytes(view: RenderView, format: RenderFormat) throws {
        let first = try Renderer.render(view: view, size: Self.size, format: format, seconds: 90, seed: 3)
        let second = try Renderer.render(view: view, size: Self.size, format: format, seconds: 90, seed: 3)
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    @Test func anotherSeedOrTimeDrawsAnotherPicture() throws {
        let base = try Renderer.render(view: .dashboard, size: Self.size, format: .txt, seconds: 90, seed: 3)
        #expect(try Renderer.render(view: .dashboard, size: Self.size, format: .txt, seconds: 90, seed: 4) != base)
        #expect(try Renderer.render(view: .dashboard, size: Self.size, format: .txt, seconds: 91, seed: 3) != base)
    }

    @Test func formatsAreExportsOfTheSameCanvas() throws {
        let canvas = try Renderer.canvas(view: .budgets, size: Self.size, seconds: 60)
        let text = try Renderer.render(view: .budgets, size: Self.size, format: .txt, seconds: 60)
        let ansi = try Renderer.render(view: .budgets, size: Self.size, format: .ansi, seconds: 60)
        let svg = try Renderer.render(view: .budgets, size: Self.size, format: .svg, seconds: 60)
        #expect(text == Array((canvas.text + "\n").utf8))
        #expect(ansi == Array(CanvasExport.ansi(canvas, theme: .default, depth: .trueColor).utf8))
        #expect(svg == Array(CanvasExport.svg(canvas, theme: .default).utf8))
    }

    @Test func dashboardShowsTheFleet() throws {
        let text = try Renderer.canvas(view: .dashboard, size: Self.size, seconds: 150).text
        for team in ["growth", "support", "search", "research", "platform"] {
            #expect(text.contains(team), "team \(team) missing from\n\(text)")
        }
        #expect(text.contains(Renderer.listenAddress))
        // growth is over its budget: the Alerts panel says so, subject first.
        #expect(text.contains("team:growth 100% of $36.00"))
    }

    @Test func traceViewOpensTheMostExpensiveAgentRun() throws {
        let replay = try DemoReplay(seconds: 150)
        let listed = replay.engine.dashboard(DashboardRequest(navigation: NavigationState())).traces.traces
        let agentRuns = listed.filter { $0.hasRoot && $0.spanCount >= 4 }
        let priciest = try #require(agentRuns.max { $0.costUSD < $1.costUSD })
        let text = try Renderer.canvas(view: .trace, size: Self.size, seconds: 150).text
        #expect(text.contains(priciest.traceID.hex), "trace \(priciest.traceID.hex) not shown in\n\(text)")
        #expect(text.contains(priciest.rootName))
    }

    @Test func traceViewNeedsAFinishedAgentRun() {
        #expect(throws: RenderError.self) { try Renderer.canvas(view: .trace, size: Self.size, seconds: 0) }
    }

    @Test(arguments: [(RenderView.traces, "Traces"), (.teams, "Teams"), (.budgets, "Budgets"), (.alerts, "Alerts")])
    func zoomedViewsShowOnePanel(view: RenderView, title: String) throws {
        let text = try Renderer.canvas(view: view, size: Self.size, seconds: 150).text
        let dashboard = try Renderer.canvas(view: .dashboard, size: Self.size, seconds: 150).text
        #expect(text.contains(title))
        #expect(text != dashboard)
        for other in ["Traces", "Teams", "Budgets", "Alerts"] where other != title {
            #expect(!text.split(separator: "\n").dropFirst().contains { $0.contains("─ \(other)") || $0.contains(" \(other) ─") },
                    "\(other) panel drawn in the \(view) view")
        }
    }

    @Test func helpShowsTheOverlayWithTheThemeName() throws {
        let text = try Renderer.canvas(view: .help, size: Self.size, themeName: "light", seconds: 30).text
        #expect(text.contains("theme light"))
        #expect(text.contains("zoom Traces"))
    }

    @Test func asciiDrawsOnlyASCII() throws {
        let text = try Renderer.canvas(view: .dashboard, size: Self.size, seconds: 150, ascii: true).text
        let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty)
    }
}
