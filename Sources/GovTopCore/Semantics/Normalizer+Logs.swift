extension Normalizer {
    /// Policy outcomes and evaluation results a log record reports (GenAI evaluation events,
    /// `genops.policy.*`), read exactly as on a span event; invalid values are listed.
    public static func outcomes(of record: LogRecord) -> GovernanceFacts {
        GovernanceFacts { facts in
            var rejected: [String] = []
            collectOutcomes(from: FactValues(record.attributes), into: &facts, rejected: &rejected)
            facts.invalidValues = rejected
        }
    }
}
