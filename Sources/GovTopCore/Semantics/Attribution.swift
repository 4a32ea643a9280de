/// Who a span's spend belongs to: the attribution dimensions of SEMANTICS.md.
public struct Attribution: Sendable, Hashable {
    /// The facts, held by `storage` (see the accessors below).
    struct Fields: Hashable {
        var team: String?
        var project: String?
        var customer: String?
        var environment: String?
        var costCenter: String?
        var feature: String?
        var user: String?
    }

    /// The box of the facts; shared by copies until one of them is changed. A span's attribution
    /// is copied into the store's effects, each owner's effect, moves and trace summaries: a copy
    /// of seven strings retained each of them, a copy of this is one reference.
    private final class Storage: @unchecked Sendable { // mutated only when uniquely referenced
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private static let empty = Storage(Fields())
    private var storage: Storage

    public init(team: String? = nil, project: String? = nil, customer: String? = nil, environment: String? = nil,
                costCenter: String? = nil, feature: String? = nil, user: String? = nil) {
        let fields = Fields(team: team, project: project, customer: customer, environment: environment,
                            costCenter: costCenter, feature: feature, user: user)
        storage = fields == Fields() ? Self.empty : Storage(fields)
    }

    /// The box, for writing: copied first when another value shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    public static func == (lhs: Attribution, rhs: Attribution) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    public var team: String? {
        get { storage.fields.team }
        _modify { yield &unique.fields.team }
    }
    public var project: String? {
        get { storage.fields.project }
        _modify { yield &unique.fields.project }
    }
    public var customer: String? {
        get { storage.fields.customer }
        _modify { yield &unique.fields.customer }
    }
    public var environment: String? {
        get { storage.fields.environment }
        _modify { yield &unique.fields.environment }
    }
    public var costCenter: String? {
        get { storage.fields.costCenter }
        _modify { yield &unique.fields.costCenter }
    }
    public var feature: String? {
        get { storage.fields.feature }
        _modify { yield &unique.fields.feature }
    }
    public var user: String? {
        get { storage.fields.user }
        _modify { yield &unique.fields.user }
    }

    public var isEmpty: Bool {
        storage === Self.empty || storage.fields == Fields()
    }

    /// Heap bytes of the box (its object header and the seven optional strings, as malloc rounds),
    /// for memory estimates; the strings' own buffers are not included.
    static let boxBytes = (16 + MemoryLayout<Fields>.size + 8 + 15) & ~15

    /// The value of one attribution fact.
    public subscript(fact: Fact) -> String? {
        get {
            switch fact {
            case .team: team
            case .project: project
            case .customer: customer
            case .environment: environment
            case .costCenter: costCenter
            case .feature: feature
            case .user: user
            default: nil
            }
        }
        set {
            switch fact {
            case .team: team = newValue
            case .project: project = newValue
            case .customer: customer = newValue
            case .environment: environment = newValue
            case .costCenter: costCenter = newValue
            case .feature: feature = newValue
            case .user: user = newValue
            default: break
            }
        }
    }

    /// Fills each dimension this attribution lacks from `other` (used for resource attributes and
    /// for inheritance from an ancestor span).
    public func filling(from other: Attribution) -> Attribution {
        // Most spans have no attribution of their own and inherit all of it: share the box.
        if other.isEmpty { return self }
        if isEmpty { return other }
        var result = self
        for fact in Fact.attribution where result[fact] == nil {
            if let value = other[fact] { result[fact] = value }
        }
        return result
    }
}
