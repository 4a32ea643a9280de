import Foundation
import GovTopCore
import GovTopRender
import Testing
@testable import GovTopUI

/// The demo (150 s, seed 42) as `govtop render` draws it at 80×24, 120×40 and 200×60: the
/// dashboard, the zoomed Budgets view with its burn-down charts and the zoomed spend chart, as
/// golden text in Tests/GovTopRenderTests/Golden (re-record with GOVTOP_RECORD_SNAPSHOTS=1, then
/// look at them). And the names the lists show are whole wherever their panel has the room.
@Suite struct DemoScreenTests {
    static let sizes = [(80, 24), (120, 40), (200, 60)]
    static let seconds = 150
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["GOVTOP_RECORD_SNAPSHOTS"] == "1"

    @Test(arguments: [RenderView.dashboard, .budgets, .chart])
    func demoScreensMatchTheirGoldens(view: RenderView) throws {
        for (width, height) in Self.sizes {
            let size = try RenderSize(width: width, height: height)
            let text = CanvasExport.text(try Renderer.canvas(view: view, size: size, seconds: Self.seconds))
            let url = Self.golden.appendingPathComponent("demo-\(view.rawValue)-\(width)x\(height).txt")
            if Self.recording {
                try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let stored = try String(contentsOf: url, encoding: .utf8)
            #expect(stored == text + "\n", """
                demo-\(view.rawValue)-\(width)x\(height) differs (re-record with GOVTOP_RECORD_SNAPSHOTS=1 after an intended change):
                \(text)
                """)
        }
    }

    /// Every team, budget and alert subject on screen in the dashboard's lower panels (and the
    /// zoomed Budgets view) is there whole, at every size.
    @Test(arguments: sizes)
    func namesAreWholeWhereThePanelHasRoom(width: Int, height: Int) throws {
        let replay = try DemoReplay(seconds: Self.seconds)
        let snapshot = replay.engine.dashboard(DashboardRequest(navigation: NavigationState()))
        #expect(snapshot.groups.count >= 4 && snapshot.budgets.count >= 4 && !snapshot.alerts.isEmpty)
        let size = try RenderSize(width: width, height: height)
        let canvas = try Renderer.canvas(view: .dashboard, size: size, seconds: Self.seconds)
        let layout = DashboardLayout(width: width, height: height, state: NavigationState(), content: LayoutContent(snapshot))
        let budgets = Dictionary(snapshot.budgets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let lists: [(Panel, [String])] = [
            (.teams, snapshot.groups.map(\.key)),
            (.budgets, snapshot.budgets.map(\.name)),
            (.alerts, snapshot.alerts.map { AlertsPanel.subject($0, budgets: budgets) }),
        ]
        for (panel, names) in lists {
            let area = try #require(layout.panels[panel])
            let lines = Self.lines(of: canvas, in: area)
            for name in names.prefix(layout.visibleRows(of: panel)) {
                #expect(lines.contains { $0.contains(name) }, "\(panel) at \(width)x\(height) does not show \(name) whole:\n\(lines.joined(separator: "\n"))")
            }
        }
        let zoomed = try Renderer.canvas(view: .budgets, size: size, seconds: Self.seconds)
        let text = CanvasExport.text(zoomed)
        for name in snapshot.budgets.map(\.name) { #expect(text.contains(name)) }
    }

    /// The rows of a rectangle of the canvas as text.
    static func lines(of canvas: Canvas, in area: Rect) -> [String] {
        (area.y..<area.maxY).map { y in
            (area.x..<area.maxX).reduce(into: "") { line, x in line += canvas.cell(x: x, y: y)?.grapheme ?? "" }
        }
    }
}
