import GovTopCore
import GovTopDemo
import GovTopUI

/// Draws one view of the dashboard after `seconds` of demo traffic on a virtual clock, without a
/// terminal: what `govtop render` writes and what the screenshots are made of.
///
/// Deterministic: the replay is seeded and runs on virtual time, the frame's wall-clock parts are
/// fixed (UTC, a fixed listen address, spans per second measured in virtual time), and the
/// navigation state is reached by pressing the same keys every time, so the same arguments always
/// give the same bytes.
public enum Renderer {
    /// The listen address the header shows.
    public static let listenAddress = "127.0.0.1:4318"

    public static func render(view: RenderView, size: RenderSize, theme: Theme = .default, format: RenderFormat,
                              seconds: Int, seed: UInt64 = 42, ascii: Bool = false) throws(RenderError) -> [UInt8] {
        let canvas = try canvas(view: view, size: size, themeName: theme.name, seconds: seconds, seed: seed, ascii: ascii)
        switch format {
        case .txt: return Array((CanvasExport.text(canvas) + "\n").utf8)
        case .ansi: return Array(CanvasExport.ansi(canvas, theme: theme, depth: .trueColor).utf8)
        case .svg: return Array(CanvasExport.svg(canvas, theme: theme).utf8)
        }
    }

    /// The view drawn into a canvas of `size`.
    public static func canvas(view: RenderView, size: RenderSize, themeName: String = Theme.default.name,
                              seconds: Int, seed: UInt64 = 42, ascii: Bool = false) throws(RenderError) -> Canvas {
        let replay = try DemoReplay(seconds: seconds, seed: seed)
        var session = RenderSession(replay: replay, size: size, themeName: themeName)
        try session.show(view)
        var canvas = Canvas(width: size.width, height: size.height)
        let (frame, context) = session.frame()
        session.state.reconcile(with: context)
        DashboardView.render(into: &canvas, frame: frame, state: session.state, ascii: ascii)
        return canvas
    }
}
