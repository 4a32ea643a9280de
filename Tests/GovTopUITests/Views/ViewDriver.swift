import GovTopCore
@testable import GovTopUI

/// The app loop in miniature for view tests: a navigation state over the fixture's engine, keys
/// pressed with the context of the frame on screen, the trace loaded when navigation opens one.
struct ViewDriver {
    let engine: Engine
    let width: Int
    let height: Int
    var state = NavigationState()
    var notice: String?

    init(width: Int, height: Int, engine: Engine = ViewFixture.engine()) {
        self.engine = engine
        self.width = width
        self.height = height
        state.reconcile(with: context)
    }

    var frame: DashboardFrame { ViewFixture.frame(engine, state: state, notice: notice) }

    var context: NavigationContext { NavigationContext(frame: frame, state: state, width: width, height: height) }

    /// Presses the keys in order, each with the context of the frame before it.
    mutating func press(_ keys: Key...) {
        for key in keys { _ = state.handle(key, context: context) }
        state.reconcile(with: context)
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    func render(ascii: Bool = false) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        DashboardView.render(into: &canvas, frame: frame, state: state, ascii: ascii)
        return canvas
    }
}
