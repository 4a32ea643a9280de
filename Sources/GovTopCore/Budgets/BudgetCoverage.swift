/// Which traced budgets cover a span, as a set of bits by the budget's position in the book.
///
/// A budget covers a span when every dimension of its scope has the scope's value
/// (`BudgetTracker.covers`). Comparing each budget's scope with each priced span was a tenth of
/// governance's time on agent traces. Here the budgets compatible with a value of a dimension are
/// worked out once and found again by the value's identity (`KeyIdentityCache`); a span's cover is
/// the AND over the dimensions that any scope reads. Up to 64 budgets: with more, `covering`
/// returns nil and the book checks budget by budget.
struct BudgetCoverage: Sendable {
    static let maxBudgets = 64

    private struct Lookup: Sendable {
        let dimension: Dimension
        /// The budgets whose scope does not read this dimension (all a span without a value may meet).
        let unscoped: UInt64
        var compatible = KeyIdentityCache<UInt64>()
    }

    /// Each budget's scope, in book order; nil for a metered budget (traced spend never counts).
    private let scopes: [[Dimension: String]?]
    /// False past `maxBudgets`.
    private let fits: Bool
    private let traced: UInt64
    private var lookups: [Lookup]

    init(_ trackers: [BudgetTracker]) {
        fits = trackers.count <= Self.maxBudgets
        guard fits else {
            scopes = []
            traced = 0
            lookups = []
            return
        }
        let scopes = trackers.map { $0.definition.source == .metered ? nil : $0.definition.scope }
        self.scopes = scopes
        traced = Self.bits(scopes.indices) { scopes[$0] != nil }
        let dimensions = Dimension.allCases.filter { dimension in scopes.contains { $0?[dimension] != nil } }
        lookups = dimensions.map { dimension in
            Lookup(dimension: dimension, unscoped: Self.bits(scopes.indices) { scopes[$0]?[dimension] == nil })
        }
    }

    /// The traced budgets that cover a span with these facts and attribution; nil past `maxBudgets`.
    mutating func covering(_ facts: GovernanceFacts, attribution: Attribution) -> UInt64? {
        guard fits else { return nil }
        var covering = traced
        for index in lookups.indices {
            let dimension = lookups[index].dimension
            guard let value = dimension.value(in: facts, attribution: attribution) else {
                covering &= lookups[index].unscoped
                continue
            }
            if let compatible = lookups[index].compatible.value(for: value) {
                covering &= compatible
            } else {
                // The scope's value compared as `BudgetTracker.covers` compares it (`String`'s `==`).
                let compatible = Self.bits(scopes.indices) { scopes[$0]?[dimension].map { $0 == value } ?? true }
                lookups[index].compatible.remember(compatible, for: value)
                covering &= compatible
            }
        }
        return covering
    }

    private static func bits(_ positions: Range<Int>, where included: (Int) -> Bool) -> UInt64 {
        positions.reduce(UInt64(0)) { included($1) ? $0 | UInt64(1) << UInt64($1) : $0 }
    }
}
