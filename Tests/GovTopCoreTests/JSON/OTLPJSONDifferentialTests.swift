import Testing
import GovTopCore
import OTLPProto
import SwiftProtobuf

/// Random spans written as OTLP/JSON and decoded by `OTLPJSONDecoder` must equal the same spans
/// serialized as binary protobuf, decoded by swift-protobuf and mapped to the model.
@Suite struct OTLPJSONDifferentialTests {
    @Test(arguments: 1...8)
    func jsonDecodingMatchesTheProtobufOracle(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        var spansSeen = 0
        var rejectionsSeen = 0
        for round in 0..<40 {
            let request = JSONRandomSpans.request(&random)
            let binary: [UInt8] = try request.serializedBytes()
            let oracle = OracleMapping.batch(try JSONRandomSpans.Request(serializedBytes: binary))
            let json = JSONTestWriter.json(request, seed: seed &* 1000 &+ UInt64(round))
            var decoded = try OTLPJSONDecoder.decodeTraces(Array(json.utf8))
            #expect((decoded.rejectionMessage != nil) == (decoded.rejectedSpans > 0))
            decoded.rejectionMessage = nil
            #expect(decoded == oracle, "seed \(seed) round \(round):\n\(json)")
            if decoded != oracle { return }
            spansSeen += oracle.spanCount
            rejectionsSeen += oracle.rejectedSpans
        }
        #expect(spansSeen > 50)
        #expect(rejectionsSeen > 0)
    }
}
