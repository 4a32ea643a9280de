/// Block characters for bars and sparklines, with their ASCII stand-ins.
public enum BlockGlyphs {
    /// Left-aligned partial blocks, one to seven eighths wide.
    public static let leftEighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    public static let full = "█"
    /// Bottom-aligned blocks, one to eight eighths high.
    public static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let asciiLevels = ["_", ".", "-", "=", "^"]

    /// A horizontal bar `width` columns long filled to `fraction` (clamped to 0…1; NaN is 0), in
    /// eighths of a column with UTF-8, whole columns with ASCII ("#"). Returns the filled part and
    /// the number of columns it takes; the caller pads the rest.
    public static func bar(fraction: Double, width: Int, ascii: Bool) -> (filled: String, columns: Int) {
        let columns = min(max(0, width), Canvas.maxSide)
        let share = clampedFraction(fraction)
        if ascii {
            let full = Int((share * Double(columns)).rounded())
            return (String(repeating: "#", count: full), full)
        }
        let eighths = Int((share * Double(columns * 8)).rounded())
        var filled = String(repeating: full, count: eighths / 8)
        if eighths % 8 > 0 { filled += leftEighths[eighths % 8 - 1] }
        return (filled, (eighths + 7) / 8)
    }

    /// `fraction` in 0…1: NaN and negatives are 0, anything above 1 (also +∞) is 1.
    public static func clampedFraction(_ fraction: Double) -> Double {
        guard !fraction.isNaN else { return 0 }
        return min(max(fraction, 0), 1)
    }
}
