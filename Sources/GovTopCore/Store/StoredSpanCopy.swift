/// A stored span copied out of the store under the engine's lock — its fixed fields, its name and
/// its payload bytes — to be decoded after the lock is released.
@dynamicMemberLookup
struct StoredSpanCopy: Sendable {
    let span: StoredSpan
    let name: String
    let payload: [UInt8]

    subscript<Value>(dynamicMember field: KeyPath<StoredSpan, Value>) -> Value { span[keyPath: field] }

    /// The span back in model form, for the API and the trace detail view.
    var record: SpanRecord {
        var record = SpanRecord(traceID: span.traceID, spanID: span.spanID, parentSpanID: span.parentSpanID, name: name,
                                kind: span.kind, startTimeUnixNano: span.startTimeUnixNano,
                                endTimeUnixNano: span.endTimeUnixNano, statusCode: span.statusCode)
        SpanPayload.decode(payload, into: &record)
        return record
    }

    /// The span's facts read again from its payload, outside the engine's lock: for the trace
    /// detail's invalid-value marks, and for a move of a span whose model or provider its trace
    /// entry did not keep (a trace with more than `TraceEntry.maxModels` of them).
    var decodedFacts: GovernanceFacts {
        Normalizer.facts(for: record, resource: span.origin.resourceFacts, service: span.origin.resource.serviceName)
    }
}
