/// Reads the resource → scope envelope of an OTLP/JSON metrics or logs request and hands each
/// item object (a `Metric`, a `LogRecord`) to the signal's item decoder, with the trace decoder's
/// rules: a key given twice concatenates repeated fields and the last value wins for others,
/// unknown keys are skipped, and every array element is charged to the allowance before it is
/// appended. `null` elements of the envelope's arrays are skipped.
enum OTLPJSONEnvelope<Signal: OTLPSignalEnvelope> {
    typealias ItemDecoder = (inout JSONReader, inout OTLPJSONValues) throws(OTLPDecodeError) -> Signal.Item

    static func decode(_ reader: inout JSONReader, values: inout OTLPJSONValues, item: ItemDecoder) throws(OTLPDecodeError) -> Signal.Batch {
        let kind = try reader.peekKind()
        guard kind == .object else {
            throw reader.error("OTLP/JSON payload must be a JSON object, found \(kind.article)")
        }
        let allowance = values.allowance
        let message = Signal.requestKind.name
        let tables = Signal.jsonTables
        var resources: [Signal.ResourceGroup] = []
        try reader.readObject(message, table: tables.request) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            try reader.readArray(tables.resourcesKey, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                try allowance.append(try resourceGroup(&reader, &values, item), to: &resources)
            }
        }
        try reader.finish()
        return Signal.batch(resources)
    }

    private static func resourceGroup(
        _ reader: inout JSONReader, _ values: inout OTLPJSONValues, _ item: ItemDecoder
    ) throws(OTLPDecodeError) -> Signal.ResourceGroup {
        var resource = Resource()
        let tables = Signal.jsonTables
        let (schemaURL, scopes) = try group(
            &reader, &values, Signal.resourceKind, tables.resource, children: tables.scopesKey,
            header: { (reader: inout JSONReader, values: inout OTLPJSONValues) throws(OTLPDecodeError) in resource = try values.resource(&reader) },
            child: { (reader: inout JSONReader, values: inout OTLPJSONValues) throws(OTLPDecodeError) in try scopeGroup(&reader, &values, item) })
        return Signal.resourceGroup(resource: resource, schemaURL: schemaURL, scopes: scopes)
    }

    private static func scopeGroup(
        _ reader: inout JSONReader, _ values: inout OTLPJSONValues, _ item: ItemDecoder
    ) throws(OTLPDecodeError) -> Signal.ScopeGroup {
        var scope = InstrumentationScope()
        let tables = Signal.jsonTables
        let (schemaURL, items) = try group(
            &reader, &values, Signal.scopeKind, tables.scope, children: tables.itemsKey,
            header: { (reader: inout JSONReader, values: inout OTLPJSONValues) throws(OTLPDecodeError) in scope = try values.scope(&reader) },
            child: item)
        return Signal.scopeGroup(scope: scope, schemaURL: schemaURL, items: items)
    }

    /// A resource or scope object: its header (`resource` or `scope`, read by `header`), its schema
    /// URL and its array of children (`children` is their key).
    private static func group<Child>(
        _ reader: inout JSONReader, _ values: inout OTLPJSONValues, _ kind: ProtoMessageKind,
        _ table: JSONFieldTable<OTLPJSONEnvelopeTables.GroupField>, children key: String,
        header: (inout JSONReader, inout OTLPJSONValues) throws(OTLPDecodeError) -> Void,
        child: (inout JSONReader, inout OTLPJSONValues) throws(OTLPDecodeError) -> Child
    ) throws(OTLPDecodeError) -> (schemaURL: String, children: [Child]) {
        let allowance = values.allowance
        let message = kind.name
        var schemaURL = ""
        var children: [Child] = []
        try reader.readObject(message, table: table) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .header: try header(&reader, &values)
            case .schemaURL: schemaURL = try reader.readStringField("schemaUrl", of: message, allowance: allowance)
            case .children:
                try reader.readArray(key, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try child(&reader, &values), to: &children)
                }
            }
        }
        return (schemaURL, children)
    }
}

/// The JSON keys of a signal's envelope messages (see `JSONFieldTable` for the accepted spellings):
/// the request's array of resources, a resource's array of scopes and a scope's array of items;
/// `resource`, `scope` and `schemaUrl` are the same for every signal.
struct OTLPJSONEnvelopeTables: Sendable {
    enum RequestField: Sendable { case resources }
    /// A resource's `resource` or a scope's `scope`, its array of children, its schema URL.
    enum GroupField: Sendable { case header, children, schemaURL }

    let resourcesKey: String
    let scopesKey: String
    let itemsKey: String
    let request: JSONFieldTable<RequestField>
    let resource: JSONFieldTable<GroupField>
    let scope: JSONFieldTable<GroupField>

    init(resources: String, scopes: String, items: String) {
        resourcesKey = resources
        scopesKey = scopes
        itemsKey = items
        request = JSONFieldTable([resources: .resources])
        resource = JSONFieldTable(["resource": .header, scopes: .children, "schemaUrl": .schemaURL])
        scope = JSONFieldTable(["scope": .header, items: .children, "schemaUrl": .schemaURL])
    }
}
