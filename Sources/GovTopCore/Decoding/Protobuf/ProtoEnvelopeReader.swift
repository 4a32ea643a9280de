/// Reads the resource → scope envelope of a metrics or logs export request straight from the wire
/// and hands each item message (a `Metric`, a `LogRecord`) to the signal's item decoder, with the
/// trace decoder's rules: resources and scopes are read by its code (`values`), and the children of
/// each level are reserved from a first count of their fields and charged to the allowance before
/// they exist. Field numbers are the same for every signal and both levels (opentelemetry-proto:
/// the request's resources are field 1; a resource or scope message has its `Resource` or
/// `InstrumentationScope` in 1, its children in 2, its schema URL in 3).
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

    private func decodeResourceGroup(_ reader: inout ProtoReader, _ item: ItemDecoder) throws(OTLPDecodeError) -> Signal.ResourceGroup {
        var resource = Resource()
        let (schemaURL, scopes) = try decodeGroup(
            &reader, header: &resource, as: .resource, values.decodeResource(_:into:), children: Signal.scopeKind,
            { (scope: inout ProtoReader) throws(OTLPDecodeError) in try decodeScopeGroup(&scope, item) })
        return Signal.resourceGroup(resource: resource, schemaURL: schemaURL, scopes: scopes)
    }

    private func decodeScopeGroup(_ reader: inout ProtoReader, _ item: ItemDecoder) throws(OTLPDecodeError) -> Signal.ScopeGroup {
        var scope = InstrumentationScope()
        let (schemaURL, items) = try decodeGroup(&reader, header: &scope, as: .scope, values.decodeScope(_:into:), children: Signal.itemKind, item)
        return Signal.scopeGroup(scope: scope, schemaURL: schemaURL, items: items)
    }

    /// A resource or scope message: its header (field 1, merged into `header` when repeated, as
    /// protobuf does), its children (field 2) and its schema URL (field 3, the last one wins).
    private func decodeGroup<Header, Child>(
        _ reader: inout ProtoReader, header: inout Header, as headerKind: ProtoMessageKind,
        _ decodeHeader: (inout ProtoReader, inout Header) throws(OTLPDecodeError) -> Void,
        children childKind: ProtoMessageKind, _ decodeChild: (inout ProtoReader) throws(OTLPDecodeError) -> Child
    ) throws(OTLPDecodeError) -> (schemaURL: String, children: [Child]) {
        var schemaURL = ""
        var children: [Child] = []
        try allowance.reserve(reader.fieldCount(2), in: &children)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1:
                var message = try reader.readMessage(tag, as: headerKind)
                try decodeHeader(&message, &header)
            case 2:
                var message = try reader.readMessage(tag, as: childKind)
                children.append(try decodeChild(&message))
            case 3: schemaURL = try reader.readString(tag, cache: values.cache)
            default: try reader.skip(tag)
            }
        }
        return (schemaURL, children)
    }
}
