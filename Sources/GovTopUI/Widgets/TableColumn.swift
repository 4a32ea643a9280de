/// How wide a table column is.
public enum ColumnWidth: Hashable, Sendable {
    /// Exactly this many columns.
    case fixed(Int)
    /// At least this many columns, plus an equal (weight 1) share of the room left over.
    case min(Int)
    /// Only a share of the room left over, in proportion to the weight.
    case flex(Int)
}

/// One column of a `Table`: header title, width rule, alignment of its cells and header.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: TextAlignment

    public init(_ title: String, width: ColumnWidth, alignment: TextAlignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// One cell of a table row: text and the role it is drawn in (overridden by the selection).
public struct TableCell: Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var role: Role
    public var attributes: TextAttributes

    public init(_ text: String, role: Role = .text, attributes: TextAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// Column widths for a table `totalWidth` wide with `spacing` blank columns between columns.
public enum TableLayout {
    /// Fixed and minimum widths are served left to right first (columns that find no room get 0
    /// and are hidden, so the rightmost columns go first on narrow screens); the room left over is
    /// shared among `min` (weight 1) and `flex` columns by weight, earlier columns rounding down.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int, spacing: Int = 1) -> [Int] {
        let gap = max(0, spacing)
        var widths = [Int](repeating: 0, count: columns.count)
        var room = max(0, totalWidth)
        var shown = 0
        var fitting = columns.count
        for (index, column) in columns.enumerated() {
            let wanted: Int
            switch column.width {
            case .fixed(let size), .min(let size): wanted = max(0, size)
            case .flex: wanted = 0
            }
            guard wanted > 0 else { continue }
            let needed = wanted + (shown > 0 ? gap : 0)
            guard room >= needed else {
                fitting = index
                break
            }
            widths[index] = wanted
            room -= needed
            shown += 1
        }
        var weights = [Int](repeating: 0, count: columns.count)
        for (index, column) in columns.enumerated().prefix(fitting) {
            switch column.width {
            case .fixed: weights[index] = 0
            case .min: weights[index] = 1
            case .flex(let weight): weights[index] = Swift.min(Swift.max(0, weight), 1_000)
            }
            if weights[index] > 0, widths[index] == 0 {
                if shown > 0 { room -= gap }
                shown += 1
            }
        }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0, room > 0 else { return widths }
        var given = 0
        var weightSoFar = 0
        for (index, weight) in weights.enumerated() where weight > 0 {
            weightSoFar += weight
            let boundary = room * weightSoFar / totalWeight
            widths[index] += boundary - given
            given = boundary
        }
        return widths
    }
}
