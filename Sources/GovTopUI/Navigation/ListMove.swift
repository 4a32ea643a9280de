/// A cursor movement in a list.
public enum ListMove: Hashable, Sendable {
    case up, down, pageUp, pageDown, top, bottom
}
