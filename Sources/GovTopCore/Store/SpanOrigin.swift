import Synchronization

/// The resource and instrumentation scope a span came from, shared by all stored spans of that
/// origin and released with the last of them (see `SpanOriginTable`).
public final class SpanOrigin: Sendable {
    public let resource: Resource
    public let scope: InstrumentationScope
    public let service: String
    /// Governance facts of the resource, read once (before the engine's lock) for all its spans.
    let resourceFacts: FactValues
    /// Rough heap bytes of the resource and scope, for the store's memory accounting.
    let estimatedBytes: Int
    /// Stored spans that point here. Changed only under the engine's lock (an atomic only so the
    /// class can be shared with readers, who never look at it).
    private let storedSpans = Atomic<Int>(0)

    /// `resourceBytes`: `Self.bytes(of: resource.attributes)`, when the caller worked it out once
    /// for the several scopes of one resource.
    init(resource: Resource, scope: InstrumentationScope, resourceFacts: FactValues, resourceBytes: Int? = nil) {
        self.resource = resource
        self.scope = scope
        // As a span's facts name it (`Normalizer.groupFacts`): the trace list and moves agree with them.
        service = Resource.groupService(resource.serviceName)
        self.resourceFacts = resourceFacts
        // The object (header, resource, scope, service, counter) and the facts table it holds inline.
        estimatedBytes = 128 + MemoryLayout<FactValues>.size + (resourceBytes ?? Self.bytes(of: resource.attributes))
            + Self.bytes(of: scope.attributes) + scope.name.utf8.count + scope.version.utf8.count
    }

    /// Rough heap bytes of a set of attributes.
    static func bytes(of attributes: [Attribute]) -> Int {
        attributes.reduce(32) { $0 + MemoryLayout<Attribute>.stride + 16 + $1.key.utf8.count + $1.value.heapBytes }
    }

    /// Counts one more stored span.
    func retain() {
        storedSpans.add(1, ordering: .relaxed)
    }

    /// Counts one stored span fewer; true when it was the last.
    func release() -> Bool {
        storedSpans.subtract(1, ordering: .relaxed).newValue == 0
    }
}
