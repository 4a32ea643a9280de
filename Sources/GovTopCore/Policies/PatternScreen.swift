/// The cheap first look at a span: does any string in it contain a literal some pattern rule needs?
/// Most spans contain none, and then the scan ends here without copying, allocating or running a
/// regex. It walks the same strings as `PatternScanner` and answers true whenever that scanner might
/// find something (a rule without a usable literal, or a value nested too deep, always does).
struct PatternScreen: Sendable {
    /// Literals of the rules that search every string.
    private let everywhere: LiteralSet
    /// Literals of key-restricted rules, per key.
    private let byKey: [String: LiteralSet]

    init(rules: [PatternRule]) {
        everywhere = LiteralSet(rules.filter { $0.keys == nil }.map(\.pattern.analysis))
        var byKey: [String: [PatternAnalysis]] = [:]
        for rule in rules {
            for key in rule.keys ?? [] { byKey[key, default: []].append(rule.pattern.analysis) }
        }
        self.byKey = byKey.mapValues(LiteralSet.init)
    }

    /// Whether any literal of any rule occurs in bytes that hold a batch's strings verbatim: when
    /// none does, no span of the batch can match and none needs screening.
    func mightMatch(verbatim bytes: UnsafeRawBufferPointer) -> Bool {
        everywhere.mightMatch(bytes) || byKey.values.contains { $0.mightMatch(bytes) }
    }

    func mightMatch(_ span: SpanRecord) -> Bool {
        if everywhere.mightMatch(span.name) || everywhere.mightMatch(span.statusMessage) { return true }
        if mightMatch(span.attributes) { return true }
        for event in span.events {
            if everywhere.mightMatch(event.name) || mightMatch(event.attributes) { return true }
        }
        for link in span.links where mightMatch(link.attributes) { return true }
        return false
    }

    private func mightMatch(_ attributes: [Attribute]) -> Bool {
        if byKey.isEmpty && everywhere.isEmpty { return false }
        return attributes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let keyed = byKey.isEmpty ? nil : byKey[buffer[index].key]
                if Self.mightMatch(buffer[index].value, depth: 0, everywhere, keyed) { return true }
            }
            return false
        }
    }

    private static func mightMatch(_ value: AttributeValue, depth: Int, _ first: LiteralSet, _ second: LiteralSet?) -> Bool {
        switch value {
        case .string(let text):
            return first.mightMatch(text) || (second?.mightMatch(text) ?? false)
        case .array(let elements):
            guard depth < PolicyEvaluator.maxValueDepth else { return true }
            return elements.contains { mightMatch($0, depth: depth + 1, first, second) }
        case .kvlist(let entries):
            guard depth < PolicyEvaluator.maxValueDepth else { return true }
            return entries.contains { mightMatch($0.value, depth: depth + 1, first, second) }
        case .bool, .int, .double, .bytes, .empty:
            return false
        }
    }
}
