import GovTopCore

/// One line of the selected span's detail pane. Lines never wrap (long values are cut when drawn),
/// so how many there are does not depend on the width and navigation can scroll by them.
struct SpanDetailLine: Hashable {
    enum Kind: Hashable {
        /// The span's name.
        case title
        /// A section: Attributes groups, Events, Links, Resource.
        case heading
        /// `label` in a fixed column, then `value`.
        case field
        /// An attribute: `label` is the key, in a column as wide as the widest key shown.
        case attribute
        /// An event: `label` is its time from the span's start (`+12ms`), `value` its name.
        case event
        case blank
    }

    var kind: Kind
    var label = ""
    var value = ""
    var role: Role = .text
    /// Extra indentation in columns (event and link attributes sit under their event or link).
    var indent = 0
}

/// The detail of one span as lines: status, kind, duration, cost and tokens, ids, service and
/// scope; attributes grouped as Governance (`genops.*`), GenAI (`gen_ai.*`, `ai.*`, `llm.*`) and
/// Other, each sorted by key; events with their time from the span's start and their attributes;
/// links; resource attributes.
enum SpanDetailLines {
    static func build(_ span: SpanView, traceStart: UInt64, parentInTrace: Bool) -> [SpanDetailLine] {
        let record = span.record
        var lines: [SpanDetailLine] = [SpanDetailLine(kind: .title, value: record.name, role: .title)]
        func field(_ label: String, _ value: String, _ role: Role = .text) {
            lines.append(SpanDetailLine(kind: .field, label: label, value: value, role: role))
        }
        let status = record.statusMessage.isEmpty ? record.statusCode.name : record.statusCode.name + ": " + record.statusMessage
        field("status", status, record.statusCode == .error ? .critical : record.statusCode == .ok ? .ok : .muted)
        field("kind", record.kind.name)
        let offset = Double(record.startTimeUnixNano &- min(traceStart, record.startTimeUnixNano)) / 1e6
        field("duration", ViewFormat.duration(milliseconds: Double(record.durationNanos) / 1e6)
            + " (starts +" + ViewFormat.duration(milliseconds: offset) + ")")
        if span.costUSD != 0 || span.inputTokens != 0 || span.outputTokens != 0 {
            field("cost", ViewFormat.usd(span.costUSD) + "  tokens " + ViewFormat.count(span.inputTokens) + " in / "
                + ViewFormat.count(span.outputTokens) + " out")
        }
        if !span.invalidValues.isEmpty {
            field("invalid", span.invalidValues.joined(separator: ", ") + " (not counted)", .critical)
        }
        field("span", record.spanID.hex, .muted)
        if record.parentSpanID.isNone {
            field("parent", "none (root)", .muted)
        } else {
            field("parent", record.parentSpanID.hex + (parentInTrace ? "" : " (not in the store)"), .muted)
        }
        field("trace", record.traceID.hex, .muted)
        field("service", span.service)
        if !span.scope.name.isEmpty {
            field("scope", span.scope.version.isEmpty ? span.scope.name : span.scope.name + " " + span.scope.version, .muted)
        }
        appendAttributes(record.attributes, dropped: record.droppedAttributesCount, to: &lines)
        appendEvents(record, to: &lines)
        appendLinks(record, to: &lines)
        appendLogs(span, to: &lines) // metrics: log records under their span
        if !span.resource.attributes.isEmpty {
            lines.append(SpanDetailLine(kind: .blank))
            lines.append(SpanDetailLine(kind: .heading, value: "Resource"))
            lines += attributeLines(span.resource.attributes, indent: 0)
        }
        return lines
    }

    /// Which group an attribute key belongs to: 0 Governance, 1 GenAI, 2 Other.
    static func group(of key: String) -> Int {
        if key.hasPrefix("genops.") { return 0 }
        if key.hasPrefix("gen_ai.") || key.hasPrefix("ai.") || key.hasPrefix("llm.") { return 1 }
        return 2
    }

    static let groupTitles = ["Governance", "GenAI", "Other"]

    private static func appendAttributes(_ attributes: [Attribute], dropped: UInt32, to lines: inout [SpanDetailLine]) {
        var groups: [[Attribute]] = [[], [], []]
        for attribute in attributes { groups[group(of: attribute.key)].append(attribute) }
        for (index, group) in groups.enumerated() where !group.isEmpty {
            lines.append(SpanDetailLine(kind: .blank))
            lines.append(SpanDetailLine(kind: .heading, value: "\(groupTitles[index]) (\(group.count))"))
            lines += attributeLines(group.sorted { $0.key < $1.key }, indent: 0)
        }
        if dropped > 0 {
            lines.append(SpanDetailLine(kind: .field, label: "dropped", value: "\(dropped) attributes", role: .muted))
        }
    }

    private static func appendEvents(_ record: SpanRecord, to lines: inout [SpanDetailLine]) {
        guard !record.events.isEmpty || record.droppedEventsCount > 0 else { return }
        lines.append(SpanDetailLine(kind: .blank))
        let dropped = record.droppedEventsCount > 0 ? ", \(record.droppedEventsCount) dropped" : ""
        lines.append(SpanDetailLine(kind: .heading, value: "Events (\(record.events.count)\(dropped))"))
        for event in record.events {
            let offset: String
            if event.timeUnixNano >= record.startTimeUnixNano {
                offset = "+" + ViewFormat.duration(milliseconds: Double(event.timeUnixNano - record.startTimeUnixNano) / 1e6)
            } else {
                offset = "-" + ViewFormat.duration(milliseconds: Double(record.startTimeUnixNano - event.timeUnixNano) / 1e6)
            }
            let role: Role = event.name == "exception" ? .critical : .text
            lines.append(SpanDetailLine(kind: .event, label: offset, value: event.name, role: role))
            lines += attributeLines(event.attributes, indent: 4)
        }
    }

    private static func appendLinks(_ record: SpanRecord, to lines: inout [SpanDetailLine]) {
        guard !record.links.isEmpty || record.droppedLinksCount > 0 else { return }
        lines.append(SpanDetailLine(kind: .blank))
        let dropped = record.droppedLinksCount > 0 ? ", \(record.droppedLinksCount) dropped" : ""
        lines.append(SpanDetailLine(kind: .heading, value: "Links (\(record.links.count)\(dropped))"))
        for link in record.links {
            lines.append(SpanDetailLine(kind: .field, label: "link", value: "trace \(link.traceID.hex) span \(link.spanID.hex)", role: .link))
            lines += attributeLines(link.attributes, indent: 4)
        }
    }

    private static func attributeLines(_ attributes: [Attribute], indent: Int) -> [SpanDetailLine] {
        attributes.map { SpanDetailLine(kind: .attribute, label: $0.key, value: $0.value.text, indent: indent) }
    }
}
