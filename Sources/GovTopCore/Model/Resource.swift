/// The entity that produced a batch of spans (OTLP `Resource`), e.g. one service instance.
public struct Resource: Sendable, Hashable {
    public var attributes: [Attribute]
    public var droppedAttributesCount: UInt32

    public init(attributes: [Attribute] = [], droppedAttributesCount: UInt32 = 0) {
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
    }

    /// `service.name`, or OTLP's documented fallback `unknown_service`.
    public var serviceName: String {
        attributes[key: "service.name"]?.string ?? "unknown_service"
    }
}

/// The instrumentation library that produced spans (OTLP `InstrumentationScope`).
public struct InstrumentationScope: Sendable, Hashable {
    public var name: String
    public var version: String
    public var attributes: [Attribute]
    public var droppedAttributesCount: UInt32

    public init(name: String = "", version: String = "", attributes: [Attribute] = [], droppedAttributesCount: UInt32 = 0) {
        self.name = name
        self.version = version
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
    }
}
