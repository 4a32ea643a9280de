/// The decoded content of one `ExportTraceServiceRequest`, nested as on the wire.
public struct TraceBatch: Sendable, Hashable {
    public var resourceSpans: [ResourceSpans]
    /// Spans dropped by the decoder because an id had the wrong length (or was all zero), or
    /// because the span was `null` (JSON).
    public var rejectedSpans: Int
    /// Why the first rejected span was rejected, for the partial-success response.
    public var rejectionMessage: String?
    /// `null` items of repeated fields other than spans (resource spans, scope spans, attributes,
    /// events, links) that the JSON decoder dropped; a `null` span counts as rejected instead.
    public var nullItemsDropped: Int

    public init(resourceSpans: [ResourceSpans] = [], rejectedSpans: Int = 0, rejectionMessage: String? = nil,
                nullItemsDropped: Int = 0) {
        self.resourceSpans = resourceSpans
        self.rejectedSpans = rejectedSpans
        self.rejectionMessage = rejectionMessage
        self.nullItemsDropped = nullItemsDropped
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
    /// Most bytes one trace request may cost from decoding until it is ingested, whatever its
    /// size (see `DecodeAllowance`); beyond it the request fails with `.allocationLimit`.
    public var maxDecodedBytes: Int
    /// A trace request may cost at most this many times its (decompressed) payload, plus
    /// `decodeAllowanceFloor`, when that is less than `maxDecodedBytes`. A GenAI batch costs
    /// about 5 times its protobuf size, spans without attributes about 20 times (the engine's
    /// per-span preparation dominates); empty messages repeated cost 150 times and more.
    public var maxDecodeRatio: Int

    /// The allowance every request gets however small its payload.
    public static let decodeAllowanceFloor = 1 << 20
    /// No allowance is larger, so that the arithmetic on it cannot overflow.
    static let largestAllowance = 1 << 52

    public init(maxValueDepth: Int = 32, maxDecodedBytes: Int = 128 << 20, maxDecodeRatio: Int = 32) {
        self.maxValueDepth = maxValueDepth
        self.maxDecodedBytes = maxDecodedBytes
        self.maxDecodeRatio = maxDecodeRatio
    }

    /// The bytes a trace request of `payloadBytes` (after decompression) may cost while it is
    /// decoded and prepared: `min(maxDecodedBytes, maxDecodeRatio × payloadBytes + 1 MiB)`.
    public func decodeAllowance(payloadBytes: Int) -> Int {
        let ratio = min(max(maxDecodeRatio, 0), 1 << 16)
        let proportional = min(max(payloadBytes, 0), Self.largestAllowance >> 17) * ratio + Self.decodeAllowanceFloor
        return min(max(maxDecodedBytes, 0), proportional, Self.largestAllowance)
    }
}

/// Why a payload could not be decoded. The description is what the HTTP response says.
public struct OTLPDecodeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure: the payload is wrong (`400`), or it is too costly to decode (`413`).
    public enum Kind: Sendable, Hashable {
        case invalidPayload
        /// Decoding would allocate more than this many bytes (`DecodeLimits.maxDecodedBytes`).
        case allocationLimit(Int)
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .invalidPayload) {
        self.message = message
        self.kind = kind
    }

    public var description: String { message }
}
