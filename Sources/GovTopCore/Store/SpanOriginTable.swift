/// The distinct origins (resource and scope) of the stored spans. Spans of the same resource and
/// scope share one `SpanOrigin` while any of them is stored; the last one evicted takes the origin
/// out of the table and its bytes out of the estimate, so churning resources never inflate it.
/// Holds at most one origin per stored span.
struct SpanOriginTable {
    private struct Key: Hashable {
        let resource: Resource
        let scope: InstrumentationScope
    }

    /// Bytes of one dictionary slot (key and value, at the table's load factor).
    static let bytesPerSlot = (MemoryLayout<Key>.stride + MemoryLayout<SpanOrigin>.stride) * 4 / 3

    private var byKey: [Key: SpanOrigin] = [:]
    /// Estimated bytes of the origins held (not counting the dictionary's slots).
    private var originBytes = 0

    /// Origins held.
    var count: Int { byKey.count }

    /// Estimated bytes of the origins held and of the dictionary's room.
    var bytes: Int { originBytes + byKey.capacity * Self.bytesPerSlot }

    /// The shared origin for spans of the candidate's resource and scope: the one held already,
    /// else the candidate (made before the engine's lock), which the table then holds. Every span
    /// stored with it must be `retain`ed at once (a new origin that no span retains would stay
    /// until one does).
    mutating func origin(sharing candidate: SpanOrigin) -> SpanOrigin {
        let key = Key(resource: candidate.resource, scope: candidate.scope)
        if let origin = byKey[key] { return origin }
        byKey[key] = candidate
        originBytes += candidate.estimatedBytes
        return candidate
    }

    /// Counts one more stored span of this origin.
    func retain(_ origin: SpanOrigin) {
        origin.retain()
    }

    /// Counts one stored span of this origin fewer; the last one drops the origin.
    mutating func release(_ origin: SpanOrigin) {
        guard origin.release() else { return }
        byKey[Key(resource: origin.resource, scope: origin.scope)] = nil
        originBytes -= origin.estimatedBytes
        // A dictionary never shrinks by itself: after a burst of distinct resources, rebuild it
        // once it is mostly empty (amortized O(1) per removal).
        if byKey.isEmpty {
            byKey = [:]
        } else if byKey.count < byKey.capacity / 4 && byKey.capacity > 64 {
            var rebuilt = [Key: SpanOrigin](minimumCapacity: byKey.count * 2)
            for (key, origin) in byKey { rebuilt[key] = origin }
            byKey = rebuilt
        }
    }
}
