/// The History screen (ledger: issue 11): `H` opens it over whatever was shown, Esc goes back,
/// j/k choose the group, `g` changes the dimension (the Teams panel's).
extension NavigationState {
    mutating func showHistory() -> [NavigationAction] {
        guard screen != .history else { return [] }
        var actions: [NavigationAction] = []
        if case .traceDetail = screen {
            traceDetail = nil
            actions.append(.closeTrace)
        }
        backStack.append(screen)
        if backStack.count > Self.maxBackStack { backStack.removeFirst(backStack.count - Self.maxBackStack) }
        screen = .history
        return actions
    }

    mutating func moveHistory(_ move: ListMove, context: NavigationContext) {
        let last = max(0, context.historyRows - 1)
        let target = switch move {
        case .up: historyIndex - 1
        case .down: historyIndex + 1
        case .pageUp: historyIndex - 10
        case .pageDown: historyIndex + 10
        case .top: 0
        case .bottom: last
        }
        historyIndex = min(max(0, target), last)
    }
}
