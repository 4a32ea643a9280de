/// Invariant checks for the fuzz targets: a broken invariant prints what broke and aborts, which
/// libFuzzer reports as a crash and saves the input for.
///
/// Not `precondition`: an optimized build drops its message, and the message is what tells a
/// finding apart from another.
public enum FuzzCheck {
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String,
                               file: StaticString = #fileID, line: UInt = #line) {
        guard !condition else { return }
        fail("\(message()) (\(file):\(line))")
    }

    public static func fail(_ message: String) -> Never {
        fatalError("fuzz invariant broken: \(message)")
    }

    /// True for a number a total, rate or budget figure may hold: finite and not negative.
    public static func isSane(_ value: Double) -> Bool {
        value.isFinite && value >= 0
    }
}
