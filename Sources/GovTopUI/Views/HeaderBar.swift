import GovTopCore

/// The top line: govtop, where it listens, spans/s in, total cost, cost per minute with a
/// sparkline of cost per second, active alerts by severity, store fill and evictions, exports shed
/// (only once some were), and PAUSED.
/// Pieces are dropped by priority (least important first) until the rest fits.
struct HeaderBar {
    /// One run of styled text; a piece is one or more segments shown or dropped together.
    struct Segment {
        var text: String
        var style: CellStyle
    }

    struct Piece {
        var segments: [Segment]
        /// 0 is kept longest.
        var priority: Int
        /// Drawn at the right edge.
        var trailing = false

        var width: Int { segments.reduce(0) { $0 + TerminalText.sanitize($1.text).displayWidth } }
    }

    let frame: DashboardFrame
    let paused: Bool
    let ascii: Bool

    static let gap = 2
    static let sparklineWidth = (minimum: 8, maximum: 30)

    /// Pieces are chosen by priority with the sparkline at its minimum width; the sparkline then
    /// takes spare room. Leading pieces go left, trailing ones (alerts, store, PAUSED) right.
    func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        canvas.fill(row, style: CellStyle(.header))
        let minimal = pieces(sparklineWidth: Self.sparklineWidth.minimum)
        var shown = Set<Int>()
        var used = 0
        for index in minimal.indices.sorted(by: { (minimal[$0].priority, $0) < (minimal[$1].priority, $1) }) {
            let needed = minimal[index].width + (shown.isEmpty ? 0 : Self.gap)
            guard used + needed <= row.width else { continue }
            used += needed
            shown.insert(index)
        }
        let extra = min(row.width - used - 1, Self.sparklineWidth.maximum - Self.sparklineWidth.minimum)
        let pieces = self.pieces(sparklineWidth: Self.sparklineWidth.minimum + max(0, extra))
        var x = row.x
        for (index, piece) in pieces.enumerated() where shown.contains(index) && !piece.trailing {
            if x > row.x { x += Self.gap }
            for segment in piece.segments {
                x += canvas.put(segment.text, at: x, y: row.y, style: segment.style, maxWidth: row.maxX - x)
            }
        }
        let trailing = pieces.enumerated().filter { shown.contains($0.offset) && $0.element.trailing }.map(\.element)
        var right = row.maxX - trailing.reduce(0) { $0 + $1.width } - Self.gap * max(0, trailing.count - 1)
        for piece in trailing {
            for segment in piece.segments {
                right += canvas.put(segment.text, at: right, y: row.y, style: segment.style, maxWidth: row.maxX - right)
            }
            right += Self.gap
        }
    }

    func pieces(sparklineWidth: Int) -> [Piece] {
        let snapshot = frame.snapshot
        let header = CellStyle(.header)
        var pieces: [Piece] = [
            Piece(segments: [Segment(text: " govtop", style: CellStyle(.header, .bold))], priority: 0),
        ]
        if !frame.listenAddress.isEmpty {
            pieces.append(Piece(segments: [Segment(text: ViewGlyphs.incoming(ascii: ascii) + frame.listenAddress, style: header)], priority: 6))
        }
        pieces.append(Piece(segments: [Segment(text: ViewFormat.rate(frame.spansPerSecond) + " spans/s", style: header)], priority: 5))
        pieces.append(Piece(segments: [Segment(text: ViewFormat.usd(snapshot.summary.costUSDTotal) + " total", style: header)], priority: 2))
        let sparkline = Sparkline(values: Self.downsampled(snapshot.rates.costPerSecond, to: sparklineWidth), ascii: ascii)
            .glyphs(width: sparklineWidth)
        pieces.append(Piece(segments: [
            Segment(text: ViewFormat.usd(snapshot.rates.costUSDPerMinute) + "/min ", style: header),
            Segment(text: sparkline, style: CellStyle(.sparkline)),
        ], priority: 3))
        pieces.append(alertsPiece(snapshot.alertCounts))
        pieces.append(storePiece(snapshot))
        if snapshot.summary.requestsShed > 0 {
            // Exporters are being told to retry later: the receiver cannot keep up.
            let text = "shed " + ViewFormat.count(snapshot.summary.requestsShed)
            pieces.append(Piece(segments: [Segment(text: text, style: CellStyle(.warning, .bold))], priority: 1, trailing: true))
        }
        if snapshot.summary.ledgerWriteErrors > 0 {
            // ledger (issue 11): the ledger of record on disk is failing; what is shown would not survive a restart.
            let text = "ledger errors " + ViewFormat.count(snapshot.summary.ledgerWriteErrors)
            pieces.append(Piece(segments: [Segment(text: text, style: CellStyle(.critical, .bold))], priority: 1, trailing: true))
        }
        if let coverage = coveragePiece(snapshot) { pieces.append(coverage) } // metrics: traces vs metered tokens
        if !frame.unavailable.isEmpty { // attach (issue 16): instances that do not answer
            let text = frame.unavailable.count == 1 ? "unreachable " + frame.unavailable[0] : "\(frame.unavailable.count) unreachable"
            pieces.append(Piece(segments: [Segment(text: text, style: CellStyle(.critical, .bold))], priority: 1, trailing: true))
        }
        if paused {
            pieces.append(Piece(segments: [Segment(text: " PAUSED ", style: CellStyle(.warning, [.bold, .reverse]))], priority: 0, trailing: true))
        }
        return pieces
    }

    /// `values` summed in consecutive groups so that at most `width` remain (the newest group
    /// complete, the oldest possibly partial), so the whole history fits the sparkline.
    static func downsampled(_ values: [Double], to width: Int) -> [Double] {
        guard width > 0, values.count > width else { return values }
        let group = (values.count + width - 1) / width
        var result: [Double] = []
        var end = values.count
        while end > 0 {
            let begin = max(0, end - group)
            result.append(values[begin..<end].reduce(0, +))
            end = begin
        }
        return result.reversed()
    }

    private func alertsPiece(_ counts: AlertCounts) -> Piece {
        func count(_ label: String, _ value: Int, _ role: Role) -> Segment {
            Segment(text: "\(label)\(value)", style: value > 0 ? CellStyle(role, .bold) : CellStyle(.header))
        }
        let space = Segment(text: " ", style: CellStyle(.header))
        return Piece(segments: [
            Segment(text: "alerts ", style: CellStyle(.header)),
            count("C", counts.critical, .critical), space,
            count("W", counts.warning, .warning), space,
            count("I", counts.info, .info),
        ], priority: 1, trailing: true)
    }

    private func storePiece(_ snapshot: DashboardSnapshot) -> Piece {
        let summary = snapshot.summary
        let bySpans = snapshot.maxSpans > 0 ? Double(summary.spansStored) / Double(snapshot.maxSpans) : 0
        let byBytes = snapshot.maxMemoryBytes > 0 ? Double(summary.storeBytes) / Double(snapshot.maxMemoryBytes) : 0
        let fill = max(bySpans, byBytes)
        var segments = [
            Segment(text: "store ", style: CellStyle(.header)),
            Segment(text: ViewFormat.percent(fill), style: CellStyle(fill >= 0.9 ? .warning : .header)),
        ]
        if summary.spansEvicted > 0 {
            segments.append(Segment(text: " evicted " + ViewFormat.count(summary.spansEvicted), style: CellStyle(.header)))
        }
        return Piece(segments: segments, priority: 4, trailing: true)
    }
}
