/// The local policy rules, compiled once at start-up and evaluated on every incoming span.
///
/// Two halves, so the engine can run each where it fits:
/// - `scan(_:)` runs the pattern rules over the span's strings (name, status message, attributes of
///   the span, its events and links, inside arrays and key-value lists) and masks what redact rules
///   match. It needs only the span, so it runs before the span is encoded and stored.
/// - `check(_:facts:attribution:resourceAttributes:costUSD:)` runs the condition and limit rules,
///   a few comparisons per rule.
///
/// With no rules both return at once. Pattern rules skip non-string values, look only at their keys
/// when restricted, and run the regex only on values that contain a literal every match needs
/// (see `PatternAnalysis`): a span without any such literal costs one `memchr` per literal and
/// string, and nothing is copied. A pattern without a usable literal (say `(?i)ssn`) runs the
/// regex on every string of every span, which costs microseconds per string.
///
/// A class (it never changes once compiled): each span's preparation reads it through the batch's
/// governance pass, and copying the value retained and released every array of its rules.
public final class PolicyEvaluator: Sendable {
    /// Most match sites listed in one violation.
    public static let maxReportedSites = 8
    /// Longest matched-text sample kept in a violation, in characters.
    public static let maxSampleLength = 80
    /// Deepest nesting of arrays and key-value lists inspected (the decoders reject deeper values).
    public static let maxValueDepth = DecodeLimits().maxValueDepth

    private let patternRules: [PatternRule]
    private let screen: PatternScreen
    private let requestRules: [RequestRule]

    /// Compiles the rules; the first unusable rule throws an error that names it.
    public init(rules: [PolicyRule]) throws(PolicyRuleError) {
        var names = Set<String>()
        var patternRules: [PatternRule] = []
        var requestRules: [RequestRule] = []
        for rule in rules {
            guard !rule.name.allSatisfy(\.isWhitespace) else {
                throw PolicyRuleError(rule: "", message: "every rule needs a non-empty name")
            }
            guard names.insert(rule.name).inserted else {
                throw PolicyRuleError(rule: rule.name, message: "is defined more than once; rule names must be unique")
            }
            if rule.action == .redact {
                guard case .pattern = rule.check else {
                    throw PolicyRuleError(rule: rule.name, message: "action redact needs a pattern (conditions and limits match no text to mask); use alert or log")
                }
            }
            switch rule.check {
            case .pattern(let pattern, let keys):
                patternRules.append(try Self.compilePattern(rule, pattern: pattern, keys: keys))
            case .conditions(let conditions):
                requestRules.append(try RequestRule(rule, conditions: conditions))
            case .limits(let maxCostUSD, let maxTokens):
                requestRules.append(try RequestRule(rule, maxCostUSD: maxCostUSD, maxTokens: maxTokens))
            }
        }
        self.patternRules = patternRules
        screen = PatternScreen(rules: patternRules)
        self.requestRules = requestRules
    }

    /// The text that replaces what a redact rule matched.
    public static func mask(for rule: String) -> String { "[REDACTED:\(rule)]" }

    public var isEmpty: Bool { patternRules.isEmpty && requestRules.isEmpty }
    public var hasPatternRules: Bool { !patternRules.isEmpty }

    /// Both halves on one span.
    public func evaluate(_ span: SpanRecord, facts: GovernanceFacts, attribution: Attribution? = nil,
                         resourceAttributes: [Attribute] = [], costUSD: Double? = nil) -> PolicyEvaluation {
        if isEmpty { return .clean }
        var evaluation = scan(span)
        evaluation.violations += check(span, facts: facts, attribution: attribution,
                                       resourceAttributes: resourceAttributes, costUSD: costUSD)
        return evaluation
    }

    /// Whether some pattern rule might match a string of a batch, judged from bytes in which every
    /// string of the batch appears verbatim (the OTLP/protobuf body it was decoded from). False
    /// means no span of the batch needs scanning. One pass over the body with `memchr` per literal
    /// instead of a screen of every string of every span: most batches carry no sensitive text.
    public func mightMatch(verbatim bytes: UnsafeRawBufferPointer) -> Bool {
        hasPatternRules && screen.mightMatch(verbatim: bytes)
    }

    /// The pattern rules: their violations and, when a redact rule matched, the masked span.
    public func scan(_ span: SpanRecord) -> PolicyEvaluation {
        if patternRules.isEmpty || !screen.mightMatch(span) { return .clean }
        var scanner = PatternScanner(rules: patternRules)
        return scanner.scan(span)
    }

    /// The condition and limit rules. Dimension keys (`team`, `model`, `environment`, ...) read the
    /// facts, with `attribution` (resolved inside the trace) in place of the span's own when given;
    /// any other key reads the span's attribute, else the resource's. `costUSD` is the span's cost
    /// (reported or estimated); tokens are input plus output.
    public func check(_ span: SpanRecord, facts: GovernanceFacts, attribution: Attribution? = nil,
                      resourceAttributes: [Attribute] = [], costUSD: Double? = nil) -> [LocalViolation] {
        var violations: [LocalViolation] = []
        for rule in requestRules {
            if let violation = rule.violation(span: span, facts: facts, attribution: attribution,
                                              resourceAttributes: resourceAttributes, costUSD: costUSD) {
                violations.append(violation)
            }
        }
        return violations
    }

    /// The condition and limit rules on a span before its effective attribution is known (the
    /// engine's first phase, outside its lock): the violations decided from the span alone, and the
    /// rules that read an attribution dimension and wait for the span's effective attribution, which
    /// only the store knows. `resolve(_:attribution:)` finishes those.
    func judge(_ span: SpanRecord, facts: GovernanceFacts, resourceAttributes: [Attribute], costUSD: Double?) -> RuleJudgement {
        var judgement = RuleJudgement()
        for (index, rule) in requestRules.enumerated() {
            switch rule.judge(span: span, facts: facts, resourceAttributes: resourceAttributes, costUSD: costUSD) {
            case .clean: break
            case .violation(let violation): judgement.violations.append(violation)
            case .pending: judgement.pending.append(index)
            }
        }
        return judgement
    }

    /// The rules `judge` left pending, decided with the span's effective attribution. Needs neither
    /// the span nor its facts: the conditions on those already held.
    func resolve(_ pending: [Int], attribution: Attribution) -> [LocalViolation] {
        pending.compactMap { requestRules[$0].resolve(attribution: attribution) }
    }

    private static func compilePattern(_ rule: PolicyRule, pattern: String, keys: [String]?) throws(PolicyRuleError) -> PatternRule {
        guard !pattern.isEmpty else {
            throw PolicyRuleError(rule: rule.name, message: "pattern is empty; give a regular expression such as \".*SSN.*\"")
        }
        if let keys, keys.isEmpty || keys.contains(where: \.isEmpty) {
            throw PolicyRuleError(rule: rule.name, message: "keys lists no attribute key (or an empty one); list the keys to search, or leave keys out to search every value")
        }
        guard let compiled = CompiledPattern(pattern) else {
            throw PolicyRuleError(rule: rule.name, message: "pattern \"\(pattern)\" is not a valid regular expression (ICU syntax); check brackets, parentheses, quantifiers and backslash escapes")
        }
        return PatternRule(name: rule.name, action: rule.action, severity: rule.severity, pattern: compiled,
                           keys: keys.map(Set.init), mask: mask(for: rule.name))
    }
}
