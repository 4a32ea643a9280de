/// The entity that produced a batch of spans (OTLP `Resource`), e.g. one service instance.
public struct Resource: Sendable, Hashable {
    public var attributes: [Attribute]
    public var droppedAttributesCount: UInt32

    public init(attributes: [Attribute] = [], droppedAttributesCount: UInt32 = 0) {
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
    }

    /// `service.name`, or OTLP's documented fallback `unknown_service` (`unknownService`).
    public var serviceName: String {
        attributes[key: "service.name"]?.string ?? Self.unknownService
    }

    /// OpenTelemetry's service of a resource without `service.name`; govtop also groups a service
    /// whose name is too long to name a group under it (`groupService`).
    public static let unknownService = "unknown_service"

    /// The service a span's facts, the trace list and moves name: `service`, or `unknownService`
    /// when it is longer than a group's name may be (`ValueBounds.maxGroupValueBytes`).
    static func groupService(_ service: String) -> String {
        ValueBounds.namesGroup(service) ? service : unknownService
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
