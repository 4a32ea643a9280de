/// The length of one part when a rectangle is split into columns or rows.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells (less when there is not enough room).
    case fixed(Int)
    /// This fraction of the room left after the fixed parts (0…1).
    case ratio(Double)
    /// An equal share, by weight, of whatever the fixed and ratio parts leave.
    case fill(weight: Int = 1)

    public static let fill = Extent.fill(weight: 1)
}

extension Rect {
    /// Splits side by side, left to right ("columns"), `spacing` cells apart. Fixed parts are served
    /// first in order, then ratios (whose rounding never loses a cell when they add up to 1), then
    /// fills; parts that get no room come back with width 0 at the right edge.
    public func splitColumns(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        var position = x
        return Rect.lengths(extents, total: width, spacing: spacing).map { length in
            defer { position += length + max(0, spacing) }
            return Rect(x: min(position, maxX), y: y, width: length, height: height)
        }
    }

    /// Splits stacked, top to bottom ("rows"), with the rules of `splitColumns`.
    public func splitRows(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        var position = y
        return Rect.lengths(extents, total: height, spacing: spacing).map { length in
            defer { position += length + max(0, spacing) }
            return Rect(x: x, y: min(position, maxY), width: width, height: length)
        }
    }

    /// `(left, right)` where `left` is `width` columns wide (clamped) and `right` is the rest.
    public func splitLeft(_ width: Int) -> (Rect, Rect) {
        let parts = splitColumns([.fixed(width), .fill])
        return (parts[0], parts[1])
    }

    /// `(top, bottom)` where `top` is `height` rows high (clamped) and `bottom` is the rest.
    public func splitTop(_ height: Int) -> (Rect, Rect) {
        let parts = splitRows([.fixed(height), .fill])
        return (parts[0], parts[1])
    }

    /// `(top, bottom)` where `bottom` is `height` rows high (clamped) and `top` is the rest.
    public func splitBottom(_ height: Int) -> (Rect, Rect) {
        let parts = splitRows([.fill, .fixed(height)])
        return (parts[0], parts[1])
    }

    static func lengths(_ extents: [Extent], total: Int, spacing: Int) -> [Int] {
        guard !extents.isEmpty else { return [] }
        let gaps = max(0, spacing) * (extents.count - 1)
        var room = max(0, total - gaps)
        var lengths = [Int](repeating: 0, count: extents.count)

        for (index, extent) in extents.enumerated() {
            guard case .fixed(let size) = extent else { continue }
            lengths[index] = min(max(0, size), room)
            room -= lengths[index]
        }

        let ratioBase = room
        var cumulative = 0.0
        var assigned = 0
        for (index, extent) in extents.enumerated() {
            guard case .ratio(let fraction) = extent else { continue }
            cumulative += fraction.isFinite ? min(max(0, fraction), 1) : 0
            let boundary = min(ratioBase, Int((min(cumulative, 1) * Double(ratioBase)).rounded()))
            lengths[index] = max(0, boundary - assigned)
            assigned += lengths[index]
        }
        room -= assigned

        let weights = extents.map { extent -> Int in
            if case .fill(let weight) = extent { return min(max(0, weight), 1_000) }
            return 0
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, room > 0 else { return lengths }
        var given = 0
        var weightSoFar = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            weightSoFar += weight
            let boundary = room * weightSoFar / totalWeight
            lengths[index] = boundary - given
            given = boundary
        }
        return lengths
    }
}
