/// The kind of a span, with OTLP's numbering.
public enum SpanKind: UInt8, Sendable, CaseIterable {
    case unspecified = 0, `internal` = 1, server = 2, client = 3, producer = 4, consumer = 5

    /// Unknown numbers from newer senders map to `.unspecified` rather than failing the span.
    public init(wire: Int) { self = SpanKind(rawValue: UInt8(clamping: wire)) ?? .unspecified }

    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .internal: "internal"
        case .server: "server"
        case .client: "client"
        case .producer: "producer"
        case .consumer: "consumer"
        }
    }
}

/// A span's status, with OTLP's numbering.
public enum StatusCode: UInt8, Sendable {
    case unset = 0, ok = 1, error = 2

    public init(wire: Int) { self = StatusCode(rawValue: UInt8(clamping: wire)) ?? .unset }

    public var name: String {
        switch self {
        case .unset: "unset"
        case .ok: "ok"
        case .error: "error"
        }
    }
}

/// A timed event inside a span (OTLP `Span.Event`).
public struct SpanEvent: Sendable, Hashable {
    public var timeUnixNano: UInt64
    public var name: String
    public var attributes: [Attribute]
    public var droppedAttributesCount: UInt32

    public init(timeUnixNano: UInt64, name: String, attributes: [Attribute] = [], droppedAttributesCount: UInt32 = 0) {
        self.timeUnixNano = timeUnixNano
        self.name = name
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
    }
}

/// A link from a span to another span (OTLP `Span.Link`).
public struct SpanLink: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    public var traceState: String
    public var attributes: [Attribute]
    public var droppedAttributesCount: UInt32
    public var flags: UInt32

    public init(traceID: TraceID, spanID: SpanID, traceState: String = "", attributes: [Attribute] = [],
                droppedAttributesCount: UInt32 = 0, flags: UInt32 = 0) {
        self.traceID = traceID
        self.spanID = spanID
        self.traceState = traceState
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
        self.flags = flags
    }
}

/// One span exactly as it was decoded from OTLP, before normalization and compaction.
///
/// Both decoders (protobuf and JSON) produce this; the differential tests compare it field by
/// field with swift-protobuf's generated types.
public struct SpanRecord: Sendable, Hashable {
    public var traceID: TraceID
    public var spanID: SpanID
    public var parentSpanID: SpanID
    public var traceState: String
    public var flags: UInt32
    public var name: String
    public var kind: SpanKind
    public var startTimeUnixNano: UInt64
    public var endTimeUnixNano: UInt64
    public var attributes: [Attribute]
    public var droppedAttributesCount: UInt32
    public var events: [SpanEvent]
    public var droppedEventsCount: UInt32
    public var links: [SpanLink]
    public var droppedLinksCount: UInt32
    public var statusCode: StatusCode
    public var statusMessage: String

    public init(traceID: TraceID, spanID: SpanID, parentSpanID: SpanID = .none, traceState: String = "",
                flags: UInt32 = 0, name: String, kind: SpanKind = .internal,
                startTimeUnixNano: UInt64, endTimeUnixNano: UInt64, attributes: [Attribute] = [],
                droppedAttributesCount: UInt32 = 0, events: [SpanEvent] = [], droppedEventsCount: UInt32 = 0,
                links: [SpanLink] = [], droppedLinksCount: UInt32 = 0,
                statusCode: StatusCode = .unset, statusMessage: String = "") {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.traceState = traceState
        self.flags = flags
        self.name = name
        self.kind = kind
        self.startTimeUnixNano = startTimeUnixNano
        self.endTimeUnixNano = endTimeUnixNano
        self.attributes = attributes
        self.droppedAttributesCount = droppedAttributesCount
        self.events = events
        self.droppedEventsCount = droppedEventsCount
        self.links = links
        self.droppedLinksCount = droppedLinksCount
        self.statusCode = statusCode
        self.statusMessage = statusMessage
    }

    /// Duration in nanoseconds; zero when the end precedes the start.
    public var durationNanos: UInt64 {
        Self.durationNanos(start: startTimeUnixNano, end: endTimeUnixNano)
    }

    /// Nanoseconds from `start` to `end`; zero when the end precedes the start (a clock skew or a
    /// hostile sender), never a wrapped-around figure.
    static func durationNanos(start: UInt64, end: UInt64) -> UInt64 {
        end >= start ? end - start : 0
    }
}
