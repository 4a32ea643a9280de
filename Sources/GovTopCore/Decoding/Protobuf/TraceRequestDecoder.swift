/// Decodes one `ExportTraceServiceRequest` into a `TraceBatch`, message by message, straight
/// from the wire. It carries the per-request state: the limits, the key table and the spans
/// rejected for bad ids, and the allowance every allocation is charged to before it is made
/// (arrays are reserved from a first count of their fields, so a body of millions of empty
/// messages fails the charge before anything is allocated). Field numbers follow
/// opentelemetry-proto (see Sources/OTLPProto/Generated).
struct TraceRequestDecoder {
    let maxValueDepth: Int
    let keys: WellKnownKeys
    let cache: StringCache
    let arrays: ArrayValueCache
    let allowance: DecodeAllowance
    private(set) var rejectedSpans = 0
    private(set) var rejectionMessage: String?

    init(maxValueDepth: Int, keys: WellKnownKeys, allowance: DecodeAllowance) {
        self.maxValueDepth = maxValueDepth
        self.keys = keys
        self.allowance = allowance
        cache = StringCache(allowance: allowance)
        arrays = ArrayValueCache(allowance: allowance)
    }

    mutating func decodeRequest(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> TraceBatch {
        var resourceSpans: [ResourceSpans] = []
        let count = reader.fieldCount(1)
        try allowance.charge(count &* DecodeCost.resourcePreparation)
        try allowance.reserve(count, in: &resourceSpans)
        while let tag = try reader.nextTag() {
            if tag.number == 1 {
                var message = try reader.readMessage(tag, as: .resourceSpans)
                resourceSpans.append(try decodeResourceSpans(&message))
            } else {
                try reader.skip(tag)
            }
        }
        return TraceBatch(resourceSpans: resourceSpans, rejectedSpans: rejectedSpans, rejectionMessage: rejectionMessage)
    }

    mutating func reject(_ reason: String) {
        rejectedSpans += 1
        if rejectionMessage == nil { rejectionMessage = reason }
    }

    private mutating func decodeResourceSpans(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> ResourceSpans {
        var result = ResourceSpans()
        let scopes = reader.fieldCount(2)
        try allowance.charge(scopes &* DecodeCost.scopePreparation)
        try allowance.reserve(scopes, in: &result.scopeSpans)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                var message = try reader.readMessage(tag, as: .resource)
                try decodeResource(&message, into: &result.resource)
            case 2:
                var message = try reader.readMessage(tag, as: .scopeSpans)
                result.scopeSpans.append(try decodeScopeSpans(&message))
            case 3:
                result.schemaURL = try reader.readString(tag, cache: cache)
            default:
                try reader.skip(tag)
            }
        }
        return result
    }

    /// Merges into `resource`, as protobuf does when the field occurs more than once.
    func decodeResource(_ reader: inout ProtoReader, into resource: inout Resource) throws(OTLPDecodeError) {
        try allowance.reserve(reader.fieldCount(1), in: &resource.attributes)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: resource.attributes.append(try decodeKeyValue(tag, &reader, depth: 1))
            case 2: resource.droppedAttributesCount = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            default: try reader.skip(tag)
            }
        }
    }

    private mutating func decodeScopeSpans(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> ScopeSpans {
        var result = ScopeSpans()
        try allowance.reserve(reader.fieldCount(2), in: &result.spans)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                var message = try reader.readMessage(tag, as: .scope)
                try decodeScope(&message, into: &result.scope)
            case 2:
                var message = try reader.readMessage(tag, as: .span)
                if let span = try decodeSpan(&message) { result.spans.append(span) }
            case 3:
                result.schemaURL = try reader.readString(tag, cache: cache)
            default:
                try reader.skip(tag)
            }
        }
        return result
    }

    func decodeScope(_ reader: inout ProtoReader, into scope: inout InstrumentationScope) throws(OTLPDecodeError) {
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: scope.name = try reader.readString(tag, cache: cache)
            case 2: scope.version = try reader.readString(tag, cache: cache)
            case 3: try allowance.append(try decodeKeyValue(tag, &reader, depth: 1), to: &scope.attributes)
            case 4: scope.droppedAttributesCount = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            default: try reader.skip(tag)
            }
        }
    }
}
