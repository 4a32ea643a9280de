/// The resource and instrumentation scope a span came from, shared by all spans of that origin.
public final class SpanOrigin: Sendable {
    public let resource: Resource
    public let scope: InstrumentationScope
    public let service: String
    /// Governance facts of the resource, read once for all its spans.
    let resourceFacts: FactValues

    init(resource: Resource, scope: InstrumentationScope) {
        self.resource = resource
        self.scope = scope
        self.service = resource.serviceName
        self.resourceFacts = FactValues(resource.attributes)
    }

    /// Rough heap bytes of the resource and scope, for the store's memory accounting.
    var estimatedBytes: Int {
        func size(_ attributes: [Attribute]) -> Int {
            attributes.reduce(32) { $0 + 48 + $1.key.utf8.count + $1.value.text.utf8.count }
        }
        return 128 + size(resource.attributes) + size(scope.attributes) + scope.name.utf8.count + scope.version.utf8.count
    }
}

/// Reuses one `SpanOrigin` for identical resources and scopes across batches, so each span holds
/// a pointer rather than its own copy. Bounded: when full, it starts over.
struct SpanOriginCache {
    private struct Key: Hashable {
        let resource: Resource
        let scope: InstrumentationScope
    }

    private var origins: [Key: SpanOrigin] = [:]
    let capacity: Int

    init(capacity: Int = 1024) { self.capacity = capacity }

    /// The shared origin, and whether it is new (so its bytes should be counted).
    mutating func origin(resource: Resource, scope: InstrumentationScope) -> (SpanOrigin, isNew: Bool) {
        let key = Key(resource: resource, scope: scope)
        if let origin = origins[key] { return (origin, false) }
        if origins.count >= capacity { origins.removeAll(keepingCapacity: true) }
        let origin = SpanOrigin(resource: resource, scope: scope)
        origins[key] = origin
        return (origin, true)
    }
}
