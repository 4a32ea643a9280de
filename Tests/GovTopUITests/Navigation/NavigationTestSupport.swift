import GovTopUI

/// A list frame of `count` rows keyed `prefix0`, `prefix1`, ...
func rows(_ count: Int, _ prefix: String = "r", visible: Int = 5) -> ListFrame {
    ListFrame(keys: (0..<count).map { "\(prefix)\($0)" }, visibleRows: visible)
}

/// Keys for every character of `text`, as typing them would produce.
func typed(_ text: String) -> [Key] {
    text.map { Key.character($0) }
}

/// A navigation state and the frame it sees, pressed key by key.
struct Driver {
    var state = NavigationState()
    var context: NavigationContext

    init(_ context: NavigationContext = NavigationContext(traces: rows(10, "t"), teams: rows(4, "team"),
                                                          budgets: rows(3, "b"), alerts: rows(3, "a"))) {
        self.context = context
        state.reconcile(with: context)
    }

    /// Presses the keys in order and returns the actions of the last one.
    @discardableResult
    mutating func press(_ keys: Key...) -> [NavigationAction] {
        press(keys)
    }

    @discardableResult
    mutating func press(_ keys: [Key]) -> [NavigationAction] {
        var last: [NavigationAction] = []
        for key in keys { last = state.handle(key, context: context) }
        return last
    }

    /// Presses the keys and returns every action, in order.
    mutating func allActions(_ keys: [Key]) -> [NavigationAction] {
        keys.flatMap { state.handle($0, context: context) }
    }

    /// A new frame arrives.
    mutating func show(_ change: (inout NavigationContext) -> Void) {
        change(&context)
        state.reconcile(with: context)
    }
}

extension Key {
    static func ch(_ character: Character) -> Key { .character(character) }
}
