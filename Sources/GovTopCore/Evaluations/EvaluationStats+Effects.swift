/// Evaluation stats' part of phase two.
extension EvaluationStats {
    /// The evaluation results of each span, under its effective team.
    mutating func apply(_ effects: [SpanEffect]) {
        for effect in effects { apply(effect) }
    }

    mutating func apply(_ effect: SpanEffect) {
        if !effect.facts.evaluations.isEmpty { record(effect.facts.evaluations, team: effect.effective.team) }
    }
}
