/// A value type's fields kept in one box that copies share until one of them changes (copy on
/// write). `GovernanceFacts` and `Attribution` are copied into every owner's view of a span: a copy
/// of their fields retained each string and array in them, a copy of this is one reference.
struct SharedFields<Fields: Hashable & Sendable>: Hashable, @unchecked Sendable { // the box is written only when unique
    private final class Storage {
        @exclusivity(unchecked) var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// The fields: read in place; for writing, the box is copied first when another value shares it.
    var fields: Fields {
        _read { yield storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields
        }
    }

    /// Whether both values hold the very same box (then they are equal without comparing fields).
    func sharesBox(with other: SharedFields) -> Bool { storage === other.storage }

    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}
