import Foundation

/// A compiled pattern rule.
struct PatternRule: Sendable {
    let name: String
    let action: PolicyAction
    let severity: AlertSeverity
    let pattern: CompiledPattern
    /// Only attributes under these keys are searched; nil searches every string in the span.
    let keys: Set<String>?
    let mask: String

    func applies(to key: String?) -> Bool {
        guard let keys else { return true }
        guard let key else { return false }
        return keys.contains(key)
    }
}

/// One walk over a span's strings: finds every pattern rule's matches and, for redact rules, builds
/// the masked copy as it goes (copy-on-write, so an untouched span is never copied).
struct PatternScanner {
    private let rules: [PatternRule]
    private var sites: [[PolicyMatchSite]]
    private var matched: [Bool]
    private var samples: [String?]
    private var redacted = false

    init(rules: [PatternRule]) {
        self.rules = rules
        sites = Array(repeating: [], count: rules.count)
        matched = Array(repeating: false, count: rules.count)
        samples = Array(repeating: nil, count: rules.count)
    }

    mutating func scan(_ span: SpanRecord) -> PolicyEvaluation {
        var copy = span
        if let masked = inspect(span.name, key: nil, site: { .spanName }) { copy.name = masked }
        if !span.statusMessage.isEmpty, let masked = inspect(span.statusMessage, key: nil, site: { .statusMessage }) {
            copy.statusMessage = masked
        }
        if let attributes = inspect(span.attributes, site: { .attribute(key: $0) }) { copy.attributes = attributes }
        for (index, event) in span.events.enumerated() {
            if let masked = inspect(event.name, key: nil, site: { .eventName(index: index) }) { copy.events[index].name = masked }
            if let attributes = inspect(event.attributes, site: { .eventAttribute(index: index, key: $0) }) {
                copy.events[index].attributes = attributes
            }
        }
        for (index, link) in span.links.enumerated() {
            if let attributes = inspect(link.attributes, site: { .linkAttribute(index: index, key: $0) }) {
                copy.links[index].attributes = attributes
            }
        }

        var violations: [LocalViolation] = []
        for (index, rule) in rules.enumerated() where matched[index] {
            let sample = redacted || rule.action == .redact ? nil : samples[index]
            violations.append(LocalViolation(rule: rule.name, action: rule.action, severity: rule.severity,
                                             finding: .pattern(sites: sites[index], sample: sample)))
        }
        return PolicyEvaluation(violations: violations, redactedSpan: redacted ? copy : nil)
    }

    /// The attributes with masks applied; nil when nothing changed.
    private mutating func inspect(_ attributes: [Attribute], site: (String) -> PolicyMatchSite) -> [Attribute]? {
        var result: [Attribute]?
        for (index, attribute) in attributes.enumerated() {
            guard let value = inspect(attribute.value, key: attribute.key, depth: 0, site: { site(attribute.key) }) else { continue }
            if result == nil { result = attributes }
            result?[index].value = value
        }
        return result
    }

    private mutating func inspect(_ value: AttributeValue, key: String, depth: Int,
                                  site: () -> PolicyMatchSite) -> AttributeValue? {
        switch value {
        case .string(let text):
            return inspect(text, key: key, site: site).map(AttributeValue.string)
        case .array(let elements):
            guard depth < PolicyEvaluator.maxValueDepth else { return maskUninspectable(key: key, site: site) }
            var result: [AttributeValue]?
            for (index, element) in elements.enumerated() {
                guard let masked = inspect(element, key: key, depth: depth + 1, site: site) else { continue }
                if result == nil { result = elements }
                result?[index] = masked
            }
            return result.map(AttributeValue.array)
        case .kvlist(let entries):
            guard depth < PolicyEvaluator.maxValueDepth else { return maskUninspectable(key: key, site: site) }
            var result: [Attribute]?
            for (index, entry) in entries.enumerated() {
                guard let masked = inspect(entry.value, key: key, depth: depth + 1, site: site) else { continue }
                if result == nil { result = entries }
                result?[index].value = masked
            }
            return result.map(AttributeValue.kvlist)
        case .bool, .int, .double, .bytes, .empty:
            return nil
        }
    }

    /// A value nested too deep to inspect is masked whole by the first redact rule that covers its
    /// key (it may hold anything); other rules ignore it.
    private mutating func maskUninspectable(key: String, site: () -> PolicyMatchSite) -> AttributeValue? {
        guard let index = rules.indices.first(where: { rules[$0].action == .redact && rules[$0].applies(to: key) }) else { return nil }
        record(index, site: site(), sample: nil)
        redacted = true
        return .string(rules[index].mask)
    }

    /// The text with masks applied; nil when no redact rule matched it.
    private mutating func inspect(_ text: String, key: String?, site: () -> PolicyMatchSite) -> String? {
        guard !text.isEmpty else { return nil }
        var redactions: [(range: NSRange, rule: Int)] = []
        for (index, rule) in rules.enumerated() where rule.applies(to: key) {
            if rule.action == .redact {
                let ranges = rule.pattern.matches(in: text)
                guard !ranges.isEmpty else { continue }
                record(index, site: site(), sample: nil)
                redactions += ranges.map { ($0, index) }
            } else if let range = rule.pattern.firstMatch(in: text) {
                record(index, site: site(), sample: samples[index] == nil ? String(text[range].prefix(PolicyEvaluator.maxSampleLength)) : nil)
            }
        }
        guard !redactions.isEmpty else { return nil }
        redacted = true
        let rules = rules
        return Self.masked(text, redactions) { rules[$0].mask }
    }

    private mutating func record(_ index: Int, site: PolicyMatchSite, sample: String?) {
        matched[index] = true
        if sites[index].count < PolicyEvaluator.maxReportedSites, sites[index].last != site { sites[index].append(site) }
        if samples[index] == nil, let sample { samples[index] = sample }
    }

    /// Replaces the union of the ranges with masks; overlapping ranges become one mask, labelled by
    /// the range that starts first. A range that does not fall on character boundaries masks the
    /// whole text.
    static func masked(_ text: String, _ redactions: [(range: NSRange, rule: Int)], masks: (Int) -> String) -> String {
        let sorted = redactions.sorted { ($0.range.location, $0.rule) < ($1.range.location, $1.rule) }
        var merged: [(range: Range<String.Index>, rule: Int)] = []
        for redaction in sorted {
            guard let range = Range(redaction.range, in: text) else { return masks(redaction.rule) }
            if let last = merged.last, range.lowerBound < last.range.upperBound {
                merged[merged.count - 1].range = last.range.lowerBound..<max(last.range.upperBound, range.upperBound)
            } else {
                merged.append((range, redaction.rule))
            }
        }
        var result = ""
        var cursor = text.startIndex
        for piece in merged {
            result += text[cursor..<piece.range.lowerBound]
            result += masks(piece.rule)
            cursor = piece.range.upperBound
        }
        result += text[cursor...]
        return result
    }
}
