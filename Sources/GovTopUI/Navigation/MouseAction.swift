/// What a mouse report asks of the navigation state, decided by `MouseAction.init` from the
/// report, the click count and the frame's hit map; carried out by `NavigationState.handle(_:context:)`.
public enum MouseAction: Hashable, Sendable {
    /// A click on a panel outside its rows: focus it.
    case focus(Panel)
    /// A click on a row: focus its panel and select the row.
    case select(Panel, index: Int)
    /// A double click on a row: select it, then what Enter does there (zoom on the dashboard,
    /// open the trace or the group's traces in a zoomed panel).
    case activate(Panel, index: Int)
    /// A click on a span of the waterfall: select it (a double click also collapses or expands it).
    case selectSpan(index: Int, toggle: Bool)
    /// The wheel over a panel (nil: over the trace detail or the help): move by `MouseAction.wheelStep` rows.
    case scroll(Panel?, down: Bool)

    /// Rows one notch of the wheel moves.
    public static let wheelStep = 3

    /// The action of a mouse report; nil for what does nothing (releases, the middle and right
    /// buttons, clicks on the header, footer, filter input or help).
    /// - Parameter clickCount: 2 for the second press of a double click (`ClickCounter`).
    public init?(_ event: MouseEvent, clickCount: Int, hits: HitMap) {
        let target = hits.target(x: event.x, y: event.y)
        switch event.kind {
        case .wheelUp, .wheelDown:
            let down = event.kind == .wheelDown
            switch target {
            case .panel(let panel), .row(let panel, _): self = .scroll(panel, down: down)
            case .traceDetail, .waterfallRow, .overlay: self = .scroll(nil, down: down)
            case nil: return nil
            }
        case .press(.left):
            switch target {
            case .panel(let panel): self = .focus(panel)
            case .row(let panel, let index): self = clickCount >= 2 ? .activate(panel, index: index) : .select(panel, index: index)
            case .waterfallRow(let index): self = .selectSpan(index: index, toggle: clickCount >= 2)
            case .traceDetail, .overlay, nil: return nil
            }
        case .press, .release:
            return nil
        }
    }
}
