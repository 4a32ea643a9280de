/// Reads the resource → scope envelope of a metrics or logs export request straight from the wire
/// and hands each item message (a `Metric`, a `LogRecord`) to the signal's item decoder, with the
/// trace decoder's rules: resources and scopes are read by its code (`values`), and the arrays of
/// each level are reserved from a first count of their fields and charged to the allowance before
/// they exist. Field numbers are the same for every signal (opentelemetry-proto: the request's
/// resources are field 1; a resource message has its `Resource` in 1, its scopes in 2, its schema
/// URL in 3; a scope message has its scope in 1, its items in 2, its schema URL in 3).
struct ProtoEnvelopeReader<Signal: OTLPSignalEnvelope> {
    typealias ItemDecoder = (inout ProtoReader) throws(OTLPDecodeError) -> Signal.Item

    let values: TraceRequestDecoder
    var allowance: DecodeAllowance { values.allowance }

    func decodeRequest(_ reader: inout ProtoReader, item: ItemDecoder) throws(OTLPDecodeError) -> Signal.Batch {
        var resources: [Signal.ResourceGroup] = []
        try allowance.reserve(reader.fieldCount(1), in: &resources)
        while let tag = try reader.nextTag() {
            guard tag.number == 1 else {
                try reader.skip(tag)
                continue
            }
            var message = try reader.readMessage(tag, as: Signal.resourceKind)
            resources.append(try decodeResourceGroup(&message, item))
        }
        return Signal.batch(resources)
    }

    /// A repeated `Resource` field merges, as protobuf does; the last schema URL wins.
    private func decodeResourceGroup(_ reader: inout ProtoReader, _ item: ItemDecoder) throws(OTLPDecodeError) -> Signal.ResourceGroup {
        var resource = Resource()
        var schemaURL = ""
        var scopes: [Signal.ScopeGroup] = []
        try allowance.reserve(reader.fieldCount(2), in: &scopes)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                var message = try reader.readMessage(tag, as: .resource)
                try values.decodeResource(&message, into: &resource)
            case 2:
                var message = try reader.readMessage(tag, as: Signal.scopeKind)
                scopes.append(try decodeScopeGroup(&message, item))
            case 3: schemaURL = try reader.readString(tag, cache: values.cache)
            default: try reader.skip(tag)
            }
        }
        return Signal.resourceGroup(resource: resource, schemaURL: schemaURL, scopes: scopes)
    }

    private func decodeScopeGroup(_ reader: inout ProtoReader, _ item: ItemDecoder) throws(OTLPDecodeError) -> Signal.ScopeGroup {
        var scope = InstrumentationScope()
        var schemaURL = ""
        var items: [Signal.Item] = []
        try allowance.reserve(reader.fieldCount(2), in: &items)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                var message = try reader.readMessage(tag, as: .scope)
                try values.decodeScope(&message, into: &scope)
            case 2:
                var message = try reader.readMessage(tag, as: Signal.itemKind)
                items.append(try item(&message))
            case 3: schemaURL = try reader.readString(tag, cache: values.cache)
            default: try reader.skip(tag)
            }
        }
        return Signal.scopeGroup(scope: scope, schemaURL: schemaURL, items: items)
    }
}
