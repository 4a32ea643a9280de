import GovTopCore
import Testing

/// govtop's decoder against swift-protobuf on seeded random requests, as serialized and after
/// rewriting the wire bytes (unknown fields everywhere, unusual order, repeated fields).
@Suite struct ProtobufRandomTests {
    @Test(arguments: 0..<400)
    func randomRequestsDecodeLikeTheOracle(seed: UInt64) throws {
        var generator = RandomTraceGenerator(seed: seed)
        let request = generator.request()
        let batch = try expectSameAsOracle(try serialized(request))
        #expect(batch.spanCount + batch.rejectedSpans == request.resourceSpans.reduce(0) { total, resource in
            total + resource.scopeSpans.reduce(0) { $0 + $1.spans.count }
        })
    }

    /// Rewrites that must not change what a request means.
    static let invariantRewrites: [(String, WireRewriter)] = [
        ("unknown fields of every wire type at every level", .insertUnknownFields),
        ("fields in descending order", .descendingFieldOrder),
        ("a decoy value before every scalar field", .decoyBeforeScalars),
    ]

    @Test(arguments: 0..<3, 1000..<1030)
    func invariantRewritesKeepTheContent(rewrite: Int, seed: UInt64) throws {
        var generator = RandomTraceGenerator(seed: seed)
        let original = try serialized(generator.request())
        let (name, rewriter) = Self.invariantRewrites[rewrite]
        let rewritten = rewriter.rewrite(original)
        let decoded = try expectSameAsOracle(rewritten)
        #expect(decoded.comparable.resourceSpans == (try OracleMapping.batch(decoding: original)).comparable.resourceSpans,
                "rewrite: \(name)")
    }

    /// Every field twice: repeated fields repeat, singular scalars keep the last value and
    /// singular messages (resource, scope, status, values) merge, as protobuf specifies.
    @Test(arguments: 2000..<2030)
    func repeatedSingularFieldsFollowProtobufMergeRules(seed: UInt64) throws {
        var generator = RandomTraceGenerator(seed: seed)
        try expectSameAsOracle(WireRewriter.everyFieldTwice.rewrite(try serialized(generator.request())))
    }
}
