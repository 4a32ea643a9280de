import Foundation
import GovTopCore
import OTLPProto

/// The seed corpus of the fuzz targets (`Tests/FuzzCorpus/<target>/`, run by `.ci/fuzz.sh`), built
/// from the project's own fixtures and encoders so that every seed is a real request body or a
/// deliberate near miss. `FuzzCorpusTests` checks the committed files against these and rewrites
/// them when `GOVTOP_RECORD_FUZZ_CORPUS=1`. The HTTP request seeds are hand-written files.
enum FuzzSeeds {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("FuzzCorpus")
    static let jsonFixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("GovTopCoreTests/Fixtures/json")

    /// The trace fixtures whose batches are also encoded as protobuf and compressed.
    static let traceFixtures = [
        "genai-python-sdk-batch", "anyvalue-every-form", "ids-hex-any-case", "ids-invalid",
        "int64-strings-and-numbers", "enums-numbers-and-names", "nulls-as-absent",
    ]

    static func fixture(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: jsonFixtures.appendingPathComponent(name + ".json")))
    }

    static func traceBatch(_ fixture: String) throws -> TraceBatch {
        try OTLPJSONDecoder.decodeTraces(try self.fixture(fixture))
    }

    /// Seeds for `fuzz-otlp-protobuf`: file name and bytes.
    static func protobuf() throws -> [(String, [UInt8])] {
        var seeds = try traceFixtures.map { ("\($0).pb", OTLPProtobufEncoder.encode(try traceBatch($0))) }
        seeds += [
            ("metrics-gauge-and-sum.pb", OTLPFixtures.metricsBody(points: 5)),
            ("logs-records.pb", OTLPFixtures.logsBody(records: 3)),
            ("metrics-genai-token-usage-and-cost.pb", MeteringFixtures.request([
                MeteringFixtures.tokenUsage(model: "gpt-4o", input: 120, output: 40, temporality: .cumulative),
                MeteringFixtures.cost(model: "gpt-4o", usd: 0.0125),
            ])),
            ("logs-genai-events.pb", LogsAPITests.logsBody([
                LogsAPITests.record(event: "gen_ai.user.message", body: "my SSN 123-45-6789"),
                LogsAPITests.record(event: "gen_ai.evaluation.result", body: "", attributes: [
                    OTLPFixtures.string("gen_ai.evaluation.name", "relevance"),
                    OTLPFixtures.keyValue("gen_ai.evaluation.score.value") { $0.doubleValue = 0.2 },
                ]),
            ])),
            ("nesting-33-deep.pb", NestingBombs.protobuf(depth: 33)),
            ("empty-resource-spans-repeated.pb", Array(repeating: [0x0A, 0x00], count: 64).flatMap { $0 }),
        ]
        seeds += hostileCosts.map { name, cost in ("cost-\(name).pb", OTLPProtobufEncoder.encode(costBatch(cost))) }
        return seeds
    }

    /// Seeds for `fuzz-otlp-json`: every fixture, the JSON encoder's output and hostile costs in
    /// the string forms OTLP/JSON allows.
    static func json() throws -> [(String, [UInt8])] {
        let files = try FileManager.default.contentsOfDirectory(atPath: jsonFixtures.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var seeds = try files.map { ($0, try Array(Data(contentsOf: jsonFixtures.appendingPathComponent($0)))) }
        seeds.append(("genai-python-sdk-batch.encoded.json", OTLPJSONEncoder.encode(try traceBatch("genai-python-sdk-batch"))))
        seeds.append(("nesting-33-deep.json", NestingBombs.json(depth: 33)))
        seeds += hostileCosts.map { name, cost in ("cost-\(name).json", OTLPJSONEncoder.encode(costBatch(cost))) }
        return seeds
    }

    /// Seeds for `fuzz-inflate`: the bodies above in every framing a sender uses, and the edge cases
    /// of the framing itself.
    static func inflate() throws -> [(String, [UInt8])] {
        let protobuf = OTLPProtobufEncoder.encode(try traceBatch("genai-python-sdk-batch"))
        let json = try fixture("genai-python-sdk-batch")
        return [
            ("genai-batch.pb.gz", Zlib.compress(protobuf, .gzip)),
            ("genai-batch.json.gz", Zlib.compress(json, .gzip)),
            ("genai-batch.pb.zlib", Zlib.compress(protobuf, .zlib)),
            ("genai-batch.json.raw-deflate", Zlib.compress(json, .raw)),
            ("genai-batch.pb.stored.gz", Zlib.compress(protobuf, .gzip, level: 0)),
            ("two-members.gz", Zlib.compress(protobuf, .gzip) + Zlib.compress(json, .gzip)),
            ("empty.gz", Zlib.compress([], .gzip)),
            ("empty.zlib", Zlib.compress([], .zlib)),
            ("truncated.gz", Array(Zlib.compress(json, .gzip).dropLast(9))),
            ("bomb-1MiB-plus-1.gz", Zlib.bomb(decompressedSize: (1 << 20) + 1)),
            ("bomb-1MiB.raw-deflate", Zlib.bomb(decompressedSize: 1 << 20, .raw)),
        ]
    }

    /// Costs issue 9 names as poison for the ledger.
    static let hostileCosts: [(String, Double)] = [("1e308", 1e308), ("minus-1e6", -1e6), ("nan", .nan), ("minus-1", -1)]

    /// Two GenAI spans of team `ml` in one trace that each report `cost`.
    static func costBatch(_ cost: Double) -> TraceBatch {
        let traceID = TraceID(bytes: OTLPFixtures.traceID(42))!
        let spans = (1...2).map { index in
            SpanRecord(traceID: traceID, spanID: SpanID(bytes: OTLPFixtures.spanID(UInt64(index)))!,
                       name: "chat gpt-4o", kind: .client,
                       startTimeUnixNano: 1_767_225_600_000_000_000, endTimeUnixNano: 1_767_225_601_000_000_000,
                       attributes: [
                           Attribute("gen_ai.request.model", .string("gpt-4o")),
                           Attribute("genops.team", .string("ml")),
                           Attribute("genops.cost.total", .double(cost)),
                           Attribute("gen_ai.usage.input_tokens", .int(1000)),
                       ])
        }
        let resource = Resource(attributes: [Attribute("service.name", .string("chat"))])
        return TraceBatch(resourceSpans: [ResourceSpans(resource: resource, scopeSpans: [ScopeSpans(spans: spans)])])
    }
}
