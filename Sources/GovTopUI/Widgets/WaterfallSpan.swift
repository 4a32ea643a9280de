/// One span as the waterfall draws it: plain values the trace view computes from the store and
/// from navigation's `WaterfallRow`/`TraceDetailState`, so the widget knows nothing about spans or
/// engines.
public struct WaterfallSpan: Hashable, Sendable {
    /// Whether the row has children and whether they are shown.
    public enum Disclosure: Hashable, Sendable {
        case leaf
        case collapsed
        case expanded
    }

    /// Nesting level, 0 for the root.
    public var depth: Int
    public var name: String
    /// Offsets from the start of the trace, in the unit of `Waterfall.totalDuration`.
    public var start: Double
    public var end: Double
    /// Picks the bar colour: `Role.service(serviceIndex)`.
    public var serviceIndex: Int
    public var isError: Bool
    /// A governance policy violation; marked unless the span is also an error.
    public var isViolation: Bool
    public var disclosure: Disclosure
    /// Drawn after the bar when there is room, e.g. "1.2 s".
    public var label: String?

    public init(
        depth: Int, name: String, start: Double, end: Double, serviceIndex: Int = 0,
        isError: Bool = false, isViolation: Bool = false, disclosure: Disclosure = .leaf, label: String? = nil
    ) {
        self.depth = depth
        self.name = name
        self.start = start
        self.end = end
        self.serviceIndex = serviceIndex
        self.isError = isError
        self.isViolation = isViolation
        self.disclosure = disclosure
        self.label = label
    }
}
