import GovTopCore

/// Masks in a recorded export what govtop's redact rules mask in the store, with the same compiled
/// rules (`PolicyEvaluator.scan`), so a record never holds text the store would not.
///
/// - Traces: each span exactly as the engine stores it (`scan(span).redactedSpan`): its name,
///   status message and the strings of its attributes, events and links. Resource and scope
///   attributes are stored (and recorded) as sent, as the engine keeps them.
/// - Logs and metrics are not stored, only counted; their records get the same masking on every
///   string `AnyValue` of a log record (body and attributes) and of a data point (attributes and
///   exemplars), matched under the attribute's key as for spans (a log body has no key).
struct RecordRedaction: Sendable {
    let policies: PolicyEvaluator

    func redacted(_ batch: TraceBatch) -> TraceBatch {
        guard policies.hasPatternRules else { return batch }
        var copy = batch
        for resource in copy.resourceSpans.indices {
            for scope in copy.resourceSpans[resource].scopeSpans.indices {
                for span in copy.resourceSpans[resource].scopeSpans[scope].spans.indices {
                    let record = copy.resourceSpans[resource].scopeSpans[scope].spans[span]
                    if let masked = policies.scan(record).redactedSpan {
                        copy.resourceSpans[resource].scopeSpans[scope].spans[span] = masked
                    }
                }
            }
        }
        return copy
    }

    /// The members below which values are masked: log records and every kind of data point.
    static let maskedContainers: Set<String> = ["logRecords", "dataPoints"]

    func redacted(_ node: OTLPJSONNode) -> OTLPJSONNode {
        guard policies.hasPatternRules else { return node }
        return walk(node, inside: false, key: nil)
    }

    /// `key` is the attribute key of the outermost `KeyValue` above (the engine masks nested
    /// values under the key of the attribute they belong to).
    private func walk(_ node: OTLPJSONNode, inside: Bool, key: String?) -> OTLPJSONNode {
        switch node {
        case .object(let members):
            var key = key
            if inside, key == nil, case .string(let name)? = node["key"], node["value"] != nil { key = name }
            return .object(members.map { member in
                if inside, member.key == "stringValue", case .string(let text) = member.value {
                    return .init(member.key, .string(mask(text, key: key)))
                }
                let entering = inside || Self.maskedContainers.contains(member.key)
                return .init(member.key, walk(member.value, inside: entering, key: key))
            })
        case .array(let elements):
            return .array(elements.map { walk($0, inside: inside, key: key) })
        case .string, .number, .bool, .null:
            return node
        }
    }

    /// The text as the pattern rules leave it under `key` (nil: a value without a key, as a span name).
    func mask(_ text: String, key: String?) -> String {
        guard !text.isEmpty else { return text }
        if let key {
            let probe = SpanRecord(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: "", startTimeUnixNano: 0,
                                   endTimeUnixNano: 0, attributes: [Attribute(key, .string(text))])
            guard case .string(let masked)? = policies.scan(probe).redactedSpan?.attributes.first?.value else { return text }
            return masked
        }
        let probe = SpanRecord(traceID: TraceID(high: 0, low: 1), spanID: SpanID(1), name: text, startTimeUnixNano: 0, endTimeUnixNano: 0)
        return policies.scan(probe).redactedSpan?.name ?? text
    }
}
