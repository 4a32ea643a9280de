extension ListState {
    /// What a widget needs from navigation's selection: its cursor (none when the list is empty)
    /// and its scroll offset.
    public init(_ selection: ListSelection, rowCount: Int) {
        self.init(selected: rowCount > 0 ? selection.index : nil, offset: selection.offset)
    }
}
