/// `Resource` and `InstrumentationScope`, shared by the trace, metrics and logs requests.
extension OTLPJSONValues {
    mutating func resource(_ reader: inout JSONReader) throws(OTLPDecodeError) -> Resource {
        var result = Resource()
        try reader.readObject("Resource", table: OTLPJSONTraces.Tables.resource) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .attributes:
                try appendAttributes(&reader, to: &result.attributes, field: "attributes", of: "Resource")
            case .droppedAttributesCount:
                result.droppedAttributesCount = try reader.readUInt32Field("droppedAttributesCount", of: "Resource")
            }
        }
        return result
    }

    mutating func scope(_ reader: inout JSONReader) throws(OTLPDecodeError) -> InstrumentationScope {
        var result = InstrumentationScope()
        try reader.readObject("InstrumentationScope", table: OTLPJSONTraces.Tables.scope) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .name: result.name = try reader.readStringField("name", of: "InstrumentationScope", allowance: allowance)
            case .version: result.version = try reader.readStringField("version", of: "InstrumentationScope", allowance: allowance)
            case .attributes:
                try appendAttributes(&reader, to: &result.attributes, field: "attributes", of: "InstrumentationScope")
            case .droppedAttributesCount:
                result.droppedAttributesCount = try reader.readUInt32Field("droppedAttributesCount", of: "InstrumentationScope")
            }
        }
        return result
    }
}
