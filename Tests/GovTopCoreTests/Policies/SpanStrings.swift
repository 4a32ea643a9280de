@testable import GovTopCore

/// Every string a span holds, wherever it is, for checking that redacted text is gone.
enum SpanStrings {
    static func all(in span: SpanRecord) -> [String] {
        var strings = [span.name, span.statusMessage, span.traceState]
        strings += span.attributes.flatMap(strings(in:))
        for event in span.events {
            strings.append(event.name)
            strings += event.attributes.flatMap(strings(in:))
        }
        for link in span.links {
            strings.append(link.traceState)
            strings += link.attributes.flatMap(strings(in:))
        }
        return strings
    }

    private static func strings(in attribute: Attribute) -> [String] {
        [attribute.key] + strings(in: attribute.value)
    }

    private static func strings(in value: AttributeValue) -> [String] {
        switch value {
        case .string(let text): [text]
        case .array(let elements): elements.flatMap(strings(in:))
        case .kvlist(let entries): entries.flatMap(strings(in:))
        case .bool, .int, .double, .bytes, .empty: []
        }
    }
}
