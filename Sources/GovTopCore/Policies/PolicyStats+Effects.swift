/// Policy stats' part of phase two.
extension PolicyStats {
    /// Reported outcomes and local violations of each span, under its effective team.
    mutating func apply(_ effects: [SpanEffect]) {
        for effect in effects { apply(effect) }
    }

    mutating func apply(_ effect: SpanEffect) {
        if !effect.facts.policies.isEmpty { record(effect.facts.policies, team: effect.effective.team) }
        if !effect.local.isEmpty { record(effect.local, team: effect.effective.team) }
    }
}
