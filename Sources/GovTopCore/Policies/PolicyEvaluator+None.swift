extension PolicyEvaluator {
    /// An evaluator with no rules: every span is clean.
    static var none: PolicyEvaluator {
        do {
            return try PolicyEvaluator(rules: [])
        } catch {
            preconditionFailure("an empty rule list cannot fail to compile: \(error)")
        }
    }
}
