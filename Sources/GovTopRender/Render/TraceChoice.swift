import GovTopCore

/// Which trace the `trace` view opens: of the traces listed, the most expensive agent run (a
/// trace with its root and at least `minimumSpans` spans), ties going to the smaller trace id, so
/// the choice never depends on storage order.
enum TraceChoice {
    static let minimumSpans = 4

    static func showcase(in traces: [TraceSummary]) -> TraceID? {
        traces.filter { $0.hasRoot && $0.spanCount >= minimumSpans }.min { left, right in
            left.costUSD != right.costUSD ? left.costUSD > right.costUSD : left.traceID.hex < right.traceID.hex
        }?.traceID
    }
}
