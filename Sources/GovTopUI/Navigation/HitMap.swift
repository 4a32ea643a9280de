/// Which part of a drawn frame is where: rectangles tagged with what a click there means.
/// Built from the same `DashboardLayout` the view draws into (`DashboardLayout.hitMap(state:)`),
/// so a click lands on what is on screen. Later regions lie on top of earlier ones.
public struct HitMap: Hashable, Sendable {
    public private(set) var regions: [HitRegion] = []

    public init(_ regions: [HitRegion] = []) {
        self.regions = regions
    }

    public mutating func record(_ target: HitTarget, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        regions.append(HitRegion(target: target, rect: rect))
    }

    /// What lies at a cell: the topmost region holding it, nil for none.
    public func target(x: Int, y: Int) -> HitTarget? {
        regions.last { $0.rect.contains(x: x, y: y) }?.target
    }
}

/// One tagged rectangle of a `HitMap`.
public struct HitRegion: Hashable, Sendable {
    public var target: HitTarget
    public var rect: Rect

    public init(target: HitTarget, rect: Rect) {
        self.target = target
        self.rect = rect
    }
}

/// What a cell of the frame is, to the mouse.
public enum HitTarget: Hashable, Sendable {
    /// Anywhere in a panel (its border, title, column header).
    case panel(Panel)
    /// A row of a panel's list, by its index in the list (not on screen).
    case row(Panel, index: Int)
    /// The trace detail's waterfall and span detail.
    case traceDetail
    /// A span row of the waterfall, by its index among the visible rows (not on screen).
    case waterfallRow(index: Int)
    /// Something on top (the help overlay, the filter input) that takes clicks from what is under it.
    case overlay
}
