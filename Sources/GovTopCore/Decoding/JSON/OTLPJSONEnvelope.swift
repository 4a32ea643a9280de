/// Reads the resource → scope envelope of an OTLP/JSON metrics or logs request and hands each
/// item object (a `Metric`, a `LogRecord`) to the signal's item decoder, with the trace decoder's
/// rules: a key given twice concatenates repeated fields and the last value wins for others,
/// unknown keys are skipped, and every array element is charged to the allowance before it is
/// appended. `null` elements of the envelope's arrays are skipped.
struct OTLPJSONEnvelope<Signal: OTLPSignalEnvelope> {
    typealias ItemDecoder = (inout JSONReader, inout OTLPJSONValues) throws(OTLPDecodeError) -> Signal.Item

    private let allowance: DecodeAllowance
    private var values: OTLPJSONValues

    init(limits: DecodeLimits, allowance: DecodeAllowance) {
        self.allowance = allowance
        values = OTLPJSONValues(limits: limits, allowance: allowance)
    }

    mutating func decode(_ reader: inout JSONReader, item: ItemDecoder) throws(OTLPDecodeError) -> Signal.Batch {
        let kind = try reader.peekKind()
        guard kind == .object else {
            throw reader.error("OTLP/JSON payload must be a JSON object, found \(kind.article)")
        }
        let message = Signal.requestKind.name
        let tables = Signal.jsonTables
        var resources: [Signal.ResourceGroup] = []
        try reader.readObject(message, table: tables.request) { (reader: inout JSONReader, _) throws(OTLPDecodeError) in
            try reader.readArray(tables.resourcesKey, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                try allowance.append(try resourceGroup(&reader, item), to: &resources)
            }
        }
        try reader.finish()
        return Signal.batch(resources)
    }

    private mutating func resourceGroup(_ reader: inout JSONReader, _ item: ItemDecoder) throws(OTLPDecodeError) -> Signal.ResourceGroup {
        let message = Signal.resourceKind.name
        let tables = Signal.jsonTables
        var resource = Resource()
        var schemaURL = ""
        var scopes: [Signal.ScopeGroup] = []
        try reader.readObject(message, table: tables.resource) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .resource: resource = try values.resource(&reader)
            case .schemaURL: schemaURL = try reader.readStringField("schemaUrl", of: message, allowance: allowance)
            case .scopes:
                try reader.readArray(tables.scopesKey, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try scopeGroup(&reader, item), to: &scopes)
                }
            }
        }
        return Signal.resourceGroup(resource: resource, schemaURL: schemaURL, scopes: scopes)
    }

    private mutating func scopeGroup(_ reader: inout JSONReader, _ item: ItemDecoder) throws(OTLPDecodeError) -> Signal.ScopeGroup {
        let message = Signal.scopeKind.name
        let tables = Signal.jsonTables
        var scope = InstrumentationScope()
        var schemaURL = ""
        var items: [Signal.Item] = []
        try reader.readObject(message, table: tables.scope) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .scope: scope = try values.scope(&reader)
            case .schemaURL: schemaURL = try reader.readStringField("schemaUrl", of: message, allowance: allowance)
            case .items:
                try reader.readArray(tables.itemsKey, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try item(&reader, &values), to: &items)
                }
            }
        }
        return Signal.scopeGroup(scope: scope, schemaURL: schemaURL, items: items)
    }
}

/// The JSON keys of a signal's envelope messages (see `JSONFieldTable` for the accepted spellings):
/// the request's array of resources, a resource's array of scopes and a scope's array of items;
/// `resource`, `scope` and `schemaUrl` are the same for every signal.
struct OTLPJSONEnvelopeTables: Sendable {
    enum RequestField: Sendable { case resources }
    enum ResourceField: Sendable { case resource, scopes, schemaURL }
    enum ScopeField: Sendable { case scope, items, schemaURL }

    let resourcesKey: String
    let scopesKey: String
    let itemsKey: String
    let request: JSONFieldTable<RequestField>
    let resource: JSONFieldTable<ResourceField>
    let scope: JSONFieldTable<ScopeField>

    init(resources: String, scopes: String, items: String) {
        resourcesKey = resources
        scopesKey = scopes
        itemsKey = items
        request = JSONFieldTable([resources: .resources])
        resource = JSONFieldTable(["resource": .resource, scopes: .scopes, "schemaUrl": .schemaURL])
        scope = JSONFieldTable(["scope": .scope, items: .items, "schemaUrl": .schemaURL])
    }
}
