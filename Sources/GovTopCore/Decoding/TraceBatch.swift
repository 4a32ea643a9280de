/// The decoded content of one `ExportTraceServiceRequest`, nested as on the wire.
public struct TraceBatch: Sendable, Hashable {
    public var resourceSpans: [ResourceSpans]
    /// Spans dropped by the decoder because an id had the wrong length (or was all zero).
    public var rejectedSpans: Int
    /// Why the first rejected span was rejected, for the partial-success response.
    public var rejectionMessage: String?

    public init(resourceSpans: [ResourceSpans] = [], rejectedSpans: Int = 0, rejectionMessage: String? = nil) {
        self.resourceSpans = resourceSpans
        self.rejectedSpans = rejectedSpans
        self.rejectionMessage = rejectionMessage
    }

    /// Accepted spans in the batch.
    public var spanCount: Int {
        resourceSpans.reduce(0) { total, resource in
            total + resource.scopeSpans.reduce(0) { $0 + $1.spans.count }
        }
    }
}

/// Spans from one resource (OTLP `ResourceSpans`).
public struct ResourceSpans: Sendable, Hashable {
    public var resource: Resource
    public var schemaURL: String
    public var scopeSpans: [ScopeSpans]

    public init(resource: Resource = Resource(), schemaURL: String = "", scopeSpans: [ScopeSpans] = []) {
        self.resource = resource
        self.schemaURL = schemaURL
        self.scopeSpans = scopeSpans
    }
}

/// Spans from one instrumentation scope (OTLP `ScopeSpans`).
public struct ScopeSpans: Sendable, Hashable {
    public var scope: InstrumentationScope
    public var schemaURL: String
    public var spans: [SpanRecord]

    public init(scope: InstrumentationScope = InstrumentationScope(), schemaURL: String = "", spans: [SpanRecord] = []) {
        self.scope = scope
        self.schemaURL = schemaURL
        self.spans = spans
    }
}

/// Bounds that protect the decoders from hostile input.
public struct DecodeLimits: Sendable, Hashable {
    /// How deeply `AnyValue` arrays and key-value lists may nest (the OTLP messages themselves
    /// have a fixed depth). Deeper input is rejected with `OTLPDecodeError`, never recursed into.
    public var maxValueDepth: Int

    public init(maxValueDepth: Int = 32) {
        self.maxValueDepth = maxValueDepth
    }
}

/// Why a payload could not be decoded. The description is what the HTTP 400 response says.
public struct OTLPDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
