/// The Conformance screen (issue 13): `C` opens it over whatever was shown, Esc goes back, j/k
/// choose a row, Enter opens the row's example trace with its offending span selected.
extension NavigationState {
    mutating func showConformance() -> [NavigationAction] {
        guard screen != .conformance else { return [] }
        let actions = leaveTraceDetail()
        push(screen)
        screen = .conformance
        return actions
    }

    mutating func moveConformance(_ move: ListMove, context: NavigationContext) {
        let last = max(0, context.conformanceRows.count - 1)
        let target = switch move {
        case .up: conformanceIndex - 1
        case .down: conformanceIndex + 1
        case .pageUp: conformanceIndex - 10
        case .pageDown: conformanceIndex + 10
        case .top: 0
        case .bottom: last
        }
        conformanceIndex = min(max(0, target), last)
    }

    mutating func openConformanceExample(context: NavigationContext) -> [NavigationAction] {
        let rows = context.conformanceRows
        guard rows.indices.contains(conformanceIndex) else { return [] }
        guard let example = rows[conformanceIndex].example else {
            return [.notify("\(rows[conformanceIndex].service): no example, nothing broken")]
        }
        let traceID = example.traceID.hex
        push(screen)
        screen = .traceDetail(traceID: traceID)
        traceDetail = TraceDetailState(traceID: traceID, selecting: example.spanID.hex)
        return [.openTrace(traceID: traceID)]
    }
}
