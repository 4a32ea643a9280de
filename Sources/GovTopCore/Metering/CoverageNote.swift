/// The line the API and the dashboard show when traces cover less than what metrics metered:
/// sampling (or spans lost on the way) hides spend that only the metrics show.
public enum CoverageNote {
    /// Below this coverage the note is shown (rounding noise above it is not worth a warning).
    public static let threshold = 0.995

    /// `traces show 10% of metered tokens — sampled?`, or nil when coverage is complete or unknown.
    public static func text(coverage: Double?) -> String? {
        guard let coverage, coverage.isFinite, coverage < threshold else { return nil }
        let percent = Int((coverage * 100).rounded())
        return "traces show \(percent)% of metered tokens — sampled?"
    }
}
