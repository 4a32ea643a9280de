/// Everything the engine needs to know at start-up.
public struct EngineConfiguration: Sendable {
    public var store: StoreLimits

    public init(store: StoreLimits = StoreLimits()) {
        self.store = store
    }
}
