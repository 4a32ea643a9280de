/// The cursor and scroll position of one list, kept apart from the widget that draws it.
///
/// The selection remembers the key of its row (`anchor`): when rows arrive above it or the order
/// changes, `reconcile` moves the cursor to wherever that row is now, so Enter opens the trace the
/// user is looking at. A list that can `follow` (the newest-first trace list) keeps the cursor on
/// row 0 instead, until the user moves it; going to the top resumes following. Row 0 is the first
/// row of whatever order the list is in: the newest trace in the default order.
public struct ListSelection: Hashable, Sendable {
    /// The selected row, 0 when the list is empty.
    public private(set) var index: Int = 0
    /// The first row on screen.
    public private(set) var offset: Int = 0
    /// Whether the cursor stays on row 0 as new rows arrive.
    public private(set) var following: Bool
    /// The key of the selected row when last seen; nil for an empty list.
    public private(set) var anchor: String?
    /// Whether this list follows its newest row at all.
    public let canFollow: Bool

    public init(canFollow: Bool = false) {
        self.canFollow = canFollow
        self.following = canFollow
    }

    /// A selection that will land on `anchor`'s row once a frame has it (used to open a trace on
    /// one particular span).
    init(anchor: String) {
        self.init()
        self.anchor = anchor
    }

    /// Brings the selection in line with the frame: back on its anchored row if that moved, then
    /// clamped to the rows there are, and scrolled so the cursor is on screen.
    public mutating func reconcile(with frame: ListFrame) {
        guard !frame.keys.isEmpty else {
            index = 0
            offset = 0
            anchor = nil
            return
        }
        if following {
            index = 0
            offset = 0
        } else if let anchor, index >= frame.count || frame.keys[index] != anchor,
                  let found = frame.keys.firstIndex(of: anchor) {
            offset += found - index
            index = found
        }
        clamp(to: frame)
        anchor = frame.keys[index]
    }

    /// Moves the cursor; moving anywhere but to the top stops following.
    public mutating func move(_ move: ListMove, in frame: ListFrame) {
        let page = max(1, frame.visibleRows)
        switch move {
        case .up: index -= 1
        case .down: index += 1
        case .pageUp:
            index -= page
            offset -= page
        case .pageDown:
            index += page
            offset += page
        case .top: index = 0
        case .bottom: index = frame.count - 1
        }
        following = canFollow && move == .top
        clamp(to: frame)
        anchor = frame.keys.isEmpty ? nil : frame.keys[index]
    }

    /// Back to the first row, following again where the list can.
    public mutating func reset() {
        self = ListSelection(canFollow: canFollow)
    }

    /// Selects the row with this key, if the frame has it.
    mutating func select(key: String, in frame: ListFrame) {
        guard let found = frame.keys.firstIndex(of: key) else { return }
        index = found
        following = false
        clamp(to: frame)
        anchor = key
    }

    private mutating func clamp(to frame: ListFrame) {
        let count = frame.count
        let page = max(1, frame.visibleRows)
        index = min(max(index, 0), max(count - 1, 0))
        offset = min(max(offset, 0), max(count - page, 0))
        if index < offset { offset = index }
        if index >= offset + page { offset = index - page + 1 }
    }
}
