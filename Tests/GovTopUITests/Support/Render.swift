@testable import GovTopUI

/// A fresh canvas of `width` × `height` after `draw` ran on it.
func rendered(width: Int, height: Int, _ draw: (inout Canvas) -> Void) -> Canvas {
    var canvas = Canvas(width: width, height: height)
    draw(&canvas)
    return canvas
}

extension Canvas {
    /// The roles of row `y`, one per cell, for role checks.
    func roles(row y: Int) -> [Role] {
        (0..<width).compactMap { cell(x: $0, y: y)?.style.role }
    }
}
