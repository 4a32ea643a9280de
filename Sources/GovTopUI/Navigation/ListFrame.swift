/// What the current frame shows in one list: the key of every row, in display order, and how
/// many rows fit on screen. Keys identify rows across frames (trace id hex, group key, budget
/// name, alert id), so the cursor stays on its row while rows arrive or leave above it.
public struct ListFrame: Hashable, Sendable {
    public var keys: [String]
    /// Rows the panel can show at once; PgUp/PgDn move by this much.
    public var visibleRows: Int

    public init(keys: [String] = [], visibleRows: Int = 1) {
        self.keys = keys
        self.visibleRows = visibleRows
    }

    public var count: Int { keys.count }
}
