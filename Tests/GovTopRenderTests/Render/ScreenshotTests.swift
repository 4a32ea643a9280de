import Foundation
import GovTopConfig
import GovTopRender
import GovTopUI
import Testing

/// The SVGs in `screenshots/` are what `govtop render` draws now. Each is re-rendered with the
/// library and compared byte for byte; `GOVTOP_RECORD_SCREENSHOTS=1 swift test --filter Screenshot`
/// rewrites them (then review the diff and commit).
@Suite struct ScreenshotTests {
    static let size = try! RenderSize(width: 120, height: 40)
    static let seconds = 150
    static let seed: UInt64 = 42
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let recording = ProcessInfo.processInfo.environment["GOVTOP_RECORD_SCREENSHOTS"] == "1"

    struct Shot: Sendable, CustomTestStringConvertible {
        var view: RenderView
        var theme: String

        var file: String { theme == "default" ? "\(view.rawValue).svg" : "\(view.rawValue)-\(theme).svg" }
        var testDescription: String { file }
        var command: String {
            "govtop render --view \(view.rawValue) --size \(ScreenshotTests.size) --theme \(theme) --seconds \(ScreenshotTests.seconds) "
                + "--seed \(ScreenshotTests.seed) --output screenshots/\(file)"
        }
    }

    static let shots = RenderView.allCases.map { Shot(view: $0, theme: "default") }
        + ["light", "high-contrast"].map { Shot(view: .dashboard, theme: $0) }

    @Test(arguments: shots)
    func screenshotMatchesTheRenderer(shot: Shot) throws {
        let theme = try ThemeLoader.load(path: Self.root.appendingPathComponent("themes/\(shot.theme).yaml").path)
        let rendered = try Renderer.render(view: shot.view, size: Self.size, theme: theme, format: .svg,
                                           seconds: Self.seconds, seed: Self.seed)
        let url = Self.root.appendingPathComponent("screenshots/\(shot.file)")
        if Self.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(rendered).write(to: url, options: .atomic)
        }
        guard let committed = FileManager.default.contents(atPath: url.path) else {
            Issue.record("screenshots/\(shot.file) is missing; make it with GOVTOP_RECORD_SCREENSHOTS=1 swift test --filter Screenshot")
            return
        }
        #expect(Array(committed) == rendered, """
            screenshots/\(shot.file) no longer matches what the renderer draws (\(committed.count) bytes committed, \
            \(rendered.count) rendered). If the change is intended, regenerate with \
            GOVTOP_RECORD_SCREENSHOTS=1 swift test --filter Screenshot (or: \(shot.command)), look at the images and commit them.
            """)
    }

    /// The screenshots folder holds exactly the shots, so a renamed view leaves no stale picture.
    /// (Not checked while recording: the shots are being written concurrently.)
    @Test func noStrayScreenshots() throws {
        guard !Self.recording else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("screenshots").path)
            .filter { $0.hasSuffix(".svg") }
        #expect(Set(files) == Set(Self.shots.map(\.file)))
    }
}
