/// One span of the trace detail's tree, as navigation needs it.
public struct WaterfallRow: Hashable, Sendable {
    public var spanID: String
    /// 0 for roots; a child's depth is its parent's plus one.
    public var depth: Int
    public var hasChildren: Bool
    public var isError: Bool
    public var isViolation: Bool

    public init(spanID: String, depth: Int, hasChildren: Bool, isError: Bool = false, isViolation: Bool = false) {
        self.spanID = spanID
        self.depth = depth
        self.hasChildren = hasChildren
        self.isError = isError
        self.isViolation = isViolation
    }

    /// What n and N jump to.
    public var isProblem: Bool { isError || isViolation }
}
