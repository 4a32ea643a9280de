/// What the input parser makes of the bytes a terminal sends: a key, a bracketed paste, or a
/// mouse report. Nothing else reaches the dashboard; every other sequence is swallowed whole.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted in one piece (bracketed paste), control characters already removed.
    case paste(String)
    case mouse(MouseEvent)
}
