import Foundation
import GovTopCore

/// Loads the OTLP/JSON fixture files of `Fixtures/json` and decodes them.
enum JSONFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures/json") else {
            throw OTLPDecodeError("fixture \(name).json is missing from the test bundle")
        }
        return Array(try Data(contentsOf: url))
    }

    static func traces(_ name: String) throws -> TraceBatch {
        try OTLPJSONDecoder.decodeTraces(try bytes(name))
    }

    /// All accepted spans of a batch in payload order.
    static func spans(_ batch: TraceBatch) -> [SpanRecord] {
        batch.resourceSpans.flatMap { $0.scopeSpans.flatMap(\.spans) }
    }

    static func span(_ batch: TraceBatch, named name: String) -> SpanRecord? {
        spans(batch).first { $0.name == name }
    }
}

/// Decodes an inline JSON text; for error cases and small variations.
func decodeJSONTraces(_ text: String, limits: DecodeLimits = DecodeLimits()) throws(OTLPDecodeError) -> TraceBatch {
    try OTLPJSONDecoder.decodeTraces(Array(text.utf8), limits: limits)
}

/// The thrown decode error's message, or nil when decoding succeeded.
func jsonDecodeFailure(_ text: String, limits: DecodeLimits = DecodeLimits()) -> String? {
    jsonDecodeFailure(bytes: Array(text.utf8), limits: limits)
}

func jsonDecodeFailure(bytes: [UInt8], limits: DecodeLimits = DecodeLimits()) -> String? {
    do {
        _ = try OTLPJSONDecoder.decodeTraces(bytes, limits: limits)
        return nil
    } catch {
        return error.message
    }
}

/// Wraps one span object's JSON text into a whole export request.
func jsonRequest(span: String) -> String {
    #"{"resourceSpans":[{"scopeSpans":[{"spans":["# + span + "]}]}]}"
}

/// A valid span with extra members appended (`extra` starts with a comma or is empty).
func jsonSpan(_ extra: String = "", name: String = "s") -> String {
    #"{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":""# + name + #"""# + extra + "}"
}

/// A request whose one span has one attribute with the given AnyValue JSON.
func jsonRequest(attributeValue: String) -> String {
    jsonRequest(span: jsonSpan(#","attributes":[{"key":"k","value":"# + attributeValue + "}]"))
}
