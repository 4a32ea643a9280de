import GovTopCore

extension Dimension {
    /// The order `g` cycles the Teams panel through.
    public static let teamsCycle: [Dimension] = [
        .team, .project, .customer, .model, .provider, .environment, .feature, .costCenter, .service,
    ]

    /// The dimension after this one in `teamsCycle`, wrapping around.
    public var nextInTeamsCycle: Dimension {
        guard let position = Self.teamsCycle.firstIndex(of: self) else { return .team }
        return Self.teamsCycle[(position + 1) % Self.teamsCycle.count]
    }
}
