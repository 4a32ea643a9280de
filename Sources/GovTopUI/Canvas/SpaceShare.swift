/// What a column asks of a table's width: the least it can be shown at, what its content needs
/// (header and the widest cell on screen), how much it matters, whether it is a name and whether
/// it takes the room left over (a bar, a gauge, a message). Numbers and other short text are
/// shown whole or not at all; a name is cut only when nothing else can give way; a filling
/// column starts at its minimum.
public struct WidthDemand: Hashable, Sendable {
    public var minimum: Int
    public var natural: Int
    /// 0 first.
    public var priority: Int
    public var isName: Bool
    public var fills: Bool

    public init(minimum: Int, natural: Int, priority: Int, isName: Bool = false, fills: Bool = false) {
        self.minimum = max(0, minimum)
        self.natural = max(self.minimum, natural)
        self.priority = priority
        self.isName = isName
        self.fills = fills
    }
}

/// What a panel asks of a screen's height: the least it is drawn at, the rows its content needs
/// (border and header included), and whether it takes the rows left over.
public struct RowDemand: Hashable, Sendable {
    public var minimum: Int
    public var wanted: Int
    /// 0 first: served before the others grow.
    public var priority: Int
    public var fills: Bool

    public init(minimum: Int, wanted: Int, priority: Int, fills: Bool = false) {
        self.minimum = max(0, minimum)
        self.wanted = max(self.minimum, wanted)
        self.priority = priority
        self.fills = fills
    }
}

/// Sharing a width among columns and a height among panels by what they need and how much they
/// matter. Pure arithmetic, so the screens' layout is unit-tested without drawing.
public enum SpaceShare {
    /// The most a name reserves while columns are chosen: beyond it, a very long name is cut
    /// before a whole column goes.
    public static let nameReserve = 32

    /// Widths of the columns (0: not shown), with `spacing` blank columns between shown ones.
    ///
    /// Columns are chosen in priority order while they fit, each reserving its natural width (a
    /// name up to `nameReserve`, or what is left down to its minimum; a filling column its
    /// minimum); then, in priority order, each chosen column grows towards its natural width;
    /// what is left goes to the `fills` columns in equal parts (to the first chosen name when none
    /// fills). Nothing is cut that fits: only a name or a filling column is ever narrower than its
    /// content, and only when the width left no other choice.
    public static func widths(_ demands: [WidthDemand], total: Int, spacing: Int = 1) -> [Int] {
        let gap = max(0, spacing)
        let order = demands.indices.sorted { (demands[$0].priority, $0) < (demands[$1].priority, $1) }
        var widths = [Int](repeating: 0, count: demands.count)
        var chosen = [Bool](repeating: false, count: demands.count)
        var room = max(0, total)
        var shown = 0
        for index in order {
            let demand = demands[index]
            let reserve = demand.isName ? max(demand.minimum, min(demand.natural, nameReserve))
                : demand.fills ? demand.minimum : demand.natural
            let needed = max(1, reserve) + (shown > 0 ? gap : 0)
            guard needed <= room else {
                // A name that cannot have its whole reserve still comes at its minimum.
                let least = max(1, demand.minimum) + (shown > 0 ? gap : 0)
                guard demand.isName, least <= room else { continue }
                widths[index] = room - (shown > 0 ? gap : 0)
                room = 0
                chosen[index] = true
                shown += 1
                continue
            }
            widths[index] = max(1, reserve)
            room -= needed
            chosen[index] = true
            shown += 1
        }
        for index in order where chosen[index] && room > 0 {
            let grow = min(room, demands[index].natural - widths[index])
            if grow > 0 {
                widths[index] += grow
                room -= grow
            }
        }
        guard room > 0 else { return widths }
        var takers = order.filter { chosen[$0] && demands[$0].fills }.sorted()
        if takers.isEmpty, let name = order.first(where: { chosen[$0] && demands[$0].isName }) { takers = [name] }
        for (position, index) in takers.enumerated() {
            widths[index] += room / takers.count + (position < room % takers.count ? 1 : 0)
        }
        return widths
    }

    /// Heights of the panels: every panel its minimum (as far as `total` goes, in priority order),
    /// then in priority order each grows towards what it wants, then the `fills` panels share the
    /// rest equally (the first panel when none fills).
    public static func rows(_ demands: [RowDemand], total: Int) -> [Int] {
        let order = demands.indices.sorted { (demands[$0].priority, $0) < (demands[$1].priority, $1) }
        var heights = [Int](repeating: 0, count: demands.count)
        var room = max(0, total)
        for index in order {
            let give = min(room, demands[index].minimum)
            heights[index] = give
            room -= give
        }
        for index in order where room > 0 {
            let grow = min(room, demands[index].wanted - heights[index])
            if grow > 0 {
                heights[index] += grow
                room -= grow
            }
        }
        guard room > 0, !demands.isEmpty else { return heights }
        var takers = demands.indices.filter { demands[$0].fills }
        if takers.isEmpty { takers = [0] }
        for (position, index) in takers.enumerated() {
            heights[index] += room / takers.count + (position < room % takers.count ? 1 : 0)
        }
        return heights
    }
}
