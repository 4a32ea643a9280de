/// Two bindings of one context claim the same key; only the first would ever run.
public struct BindingConflict: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var context: BindingContext
    public var commands: [Command]

    public init(key: Key, context: BindingContext, commands: [Command]) {
        self.key = key
        self.context = context
        self.commands = commands
    }

    public var description: String {
        "key \(key.label) is bound twice in \(context.title): \(commands.map { "\($0)" }.joined(separator: ", "))"
    }
}
