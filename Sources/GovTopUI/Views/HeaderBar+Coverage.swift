import GovTopCore

extension HeaderBar {
    /// `traces show 25% of metered tokens — sampled?` when metrics metered more tokens than spans
    /// show (sampling, or spans lost on the way); nothing when coverage is complete or unknown.
    func coveragePiece(_ snapshot: DashboardSnapshot) -> Piece? {
        guard let text = CoverageNote.text(coverage: snapshot.meteredCoverage) else { return nil }
        return Piece(segments: [Segment(text: text, style: CellStyle(.warning))], priority: 2)
    }
}
