/// The key-binding table and everything derived from it: key lookup, the footer and the help
/// overlay. Because all three read the same rows, what the footer promises is what a key does.
///
/// Lookup takes the active contexts in order (most specific first, e.g. `[.teams, .global]`) and
/// returns the first binding of the key it finds, so a panel binding overrides a global one. In
/// the standard table, `g` means "top" everywhere except Teams, where it cycles the dimension;
/// Home still goes to the top there, and the help overlay says so.
public struct KeyBindings: Hashable, Sendable {
    public let bindings: [KeyBinding]
    private let index: [Slot: Int]

    private struct Slot: Hashable {
        var context: BindingContext
        var key: Key
    }

    /// Builds the table; when a context binds a key twice, the first row wins (see `conflicts`).
    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        var index: [Slot: Int] = [:]
        for (position, binding) in bindings.enumerated() {
            for key in binding.keys where index[Slot(context: binding.context, key: key)] == nil {
                index[Slot(context: binding.context, key: key)] = position
            }
        }
        self.index = index
    }

    public static func == (lhs: KeyBindings, rhs: KeyBindings) -> Bool { lhs.bindings == rhs.bindings }

    public func hash(into hasher: inout Hasher) { hasher.combine(bindings) }

    /// The binding the key runs in these contexts, searched in order.
    public func binding(for key: Key, in contexts: [BindingContext]) -> KeyBinding? {
        for context in contexts {
            if let position = index[Slot(context: context, key: key)] { return bindings[position] }
        }
        return nil
    }

    public func command(for key: Key, in contexts: [BindingContext]) -> Command? {
        binding(for: key, in: contexts)?.command
    }

    /// The footer for these active contexts: bindings marked for the footer whose primary key
    /// really runs them here (a global hint whose key a panel overrides is left out).
    public func footerHints(for contexts: [BindingContext]) -> [FooterHint] {
        var hints: [FooterHint] = []
        for context in contexts {
            for binding in bindings where binding.context == context && binding.shownInFooter {
                guard let key = binding.keys.first, self.binding(for: key, in: contexts) == binding else { continue }
                hints.append(FooterHint(key: key.label, description: binding.description))
            }
        }
        return hints
    }

    /// The footer of one context with the global bindings behind it (when it has them).
    public func footerHints(for context: BindingContext) -> [FooterHint] {
        footerHints(for: context.fallsBackToGlobal && context != .global ? [context, .global] : [context])
    }

    /// The help overlay: one section per context that has bindings, in `BindingContext` order.
    public func helpSections() -> [HelpSection] {
        BindingContext.allCases.compactMap { context in
            let rows = bindings.filter { $0.context == context }
            guard !rows.isEmpty else { return nil }
            let entries = rows.map { binding in
                HelpEntry(keys: binding.keyLabels, description: binding.description, overrideNote: overrideNote(for: binding))
            }
            return HelpSection(context: context, title: context.title, note: context.helpNote, entries: entries)
        }
    }

    /// Every key bound more than once within one context.
    public var conflicts: [BindingConflict] {
        var seen: [Slot: [Command]] = [:]
        var order: [Slot] = []
        for binding in bindings {
            for key in binding.keys {
                let slot = Slot(context: binding.context, key: key)
                if seen[slot] == nil { order.append(slot) }
                seen[slot, default: []].append(binding.command)
            }
        }
        return order.compactMap { slot in
            guard let commands = seen[slot], commands.count > 1 else { return nil }
            return BindingConflict(key: slot.key, context: slot.context, commands: commands)
        }
    }

    private func overrideNote(for binding: KeyBinding) -> String? {
        guard binding.context != .global, binding.context.fallsBackToGlobal else { return nil }
        var notes: [String] = []
        for key in binding.keys {
            guard let global = self.binding(for: key, in: [.global]), global.command != binding.command else { continue }
            var note = "overrides \(key.label) = \(global.description)"
            let others = global.keys.filter { self.binding(for: $0, in: [binding.context, .global]) == global }
            if !others.isEmpty {
                note += " (\(others.map(\.label).joined(separator: " ")) still \(others.count == 1 ? "does" : "do") that)"
            }
            notes.append(note)
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
}
