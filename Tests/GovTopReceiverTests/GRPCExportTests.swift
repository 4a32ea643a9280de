import Foundation
import GovTopCore
import GovTopReceiver
import OTLPProto
import Testing

/// OTLP/gRPC exports over a real listening server and a real HTTP/2 client: what is accepted is
/// ingested exactly once, and every refusal carries the status code the OTLP specification names.
@Suite struct GRPCExportTests {
    @Test func tracesMetricsAndLogsAreExported() async throws {
        try await withGRPCServer { client, _, engine in
            let traces = try await client.export(GRPCTestClient.tracePath, message: OTLPFixtures.traceBody(spans: 5))
            #expect(traces.httpStatus == 200)
            #expect(traces.header("content-type") == "application/grpc")
            #expect(traces.status == 0)
            #expect(traces.messages == [[]], "an empty ExportTraceServiceResponse: nothing rejected")
            let metrics = try await client.export(GRPCTestClient.metricsPath, message: OTLPFixtures.metricsBody(points: 7))
            #expect(metrics.status == 0)
            let logs = try await client.export(GRPCTestClient.logsPath, message: OTLPFixtures.logsBody(records: 4))
            #expect(logs.status == 0)
            let summary = engine.summary()
            #expect(summary.spansReceived == 5)
            #expect(summary.metricPointsReceived == 7)
            #expect(summary.logRecordsReceived == 4)
        }
    }

    @Test(arguments: [GRPCTestClient.tracePath, GRPCTestClient.logsPath])
    func gzipCompressedMessagesAreInflated(path: String) async throws {
        try await withGRPCServer { client, _, engine in
            let message = path == GRPCTestClient.tracePath ? OTLPFixtures.traceBody(spans: 40) : OTLPFixtures.logsBody(records: 40)
            let reply = try await client.export(path, message: message, gzip: true)
            #expect(reply.status == 0, "\(reply.message ?? "")")
            let summary = engine.summary()
            #expect(summary.spansReceived + summary.logRecordsReceived == 40)
        }
    }

    @Test func aMessageLargerThanFourMebibytesIsAccepted() async throws {
        let body = OTLPFixtures.traceBody(spans: 80_000)
        try #require(body.count > 4 << 20, "the batch must exceed gRPC's usual 4 MiB default")
        try await withGRPCServer { client, _, engine in
            let reply = try await client.export(GRPCTestClient.tracePath, message: body)
            #expect(reply.status == 0, "\(reply.message ?? "")")
            #expect(engine.summary().spansReceived == 80_000)
        }
    }

    @Test func aMessageBeyondMaxBodyIsResourceExhaustedWithoutRetryInfo() async throws {
        try await withGRPCServer(.forTests(maxBodyBytes: 1 << 20)) { client, _, engine in
            // The prefix announces 2 MiB; only the first bytes follow, and the stream stays open.
            let prefix = GRPCTestClient.framed([UInt8](repeating: 0, count: 1000)).prefix(5)
            var announced = Array(prefix)
            announced[1...4] = [0, 0x20, 0, 0]
            let reply = try await client.start(GRPCTestClient.tracePath, body: announced + [UInt8](repeating: 0, count: 1000),
                                               endStream: false).get()
            #expect(reply.status == 8)  // RESOURCE_EXHAUSTED
            #expect(reply.message?.contains("exceeds the limit of 1048576 bytes") == true)
            let details = try #require(reply.details.flatMap(DecodedRPCStatus.init))
            #expect(details.code == 8)
            #expect(details.retryDelaySeconds == nil, "a message that can never fit must not be retried")
            // The connection serves the next call.
            let next = try await client.export(GRPCTestClient.tracePath, message: OTLPFixtures.traceBody(spans: 2))
            #expect(next.status == 0)
            #expect(engine.summary().spansReceived == 2)
        }
    }

    @Test func anUndecodableMessageIsInvalidArgument() async throws {
        try await withGRPCServer { client, _, engine in
            let reply = try await client.export(GRPCTestClient.tracePath, message: [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x01])
            #expect(reply.httpStatus == 200)
            #expect(reply.status == 3)  // INVALID_ARGUMENT
            #expect(reply.message?.contains("invalid ExportTraceServiceRequest") == true)
            #expect(reply.messages.isEmpty, "a trailers-only response")
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func twoMessagesInOneCallAreInvalidArgument() async throws {
        try await withGRPCServer { client, _, engine in
            let one = GRPCTestClient.framed(OTLPFixtures.traceBody(spans: 1))
            let reply = try await client.call(GRPCTestClient.tracePath, body: one + one)
            #expect(reply.status == 3)
            #expect(engine.summary().spansReceived == 0)
        }
    }

    @Test func anUnknownMethodIsUnimplemented() async throws {
        try await withGRPCServer { client, _, _ in
            let path = "/opentelemetry.proto.collector.profiles.v1development.ProfilesService/Export"
            let reply = try await client.export(path, message: [])
            #expect(reply.status == 12)  // UNIMPLEMENTED
            #expect(reply.message?.contains("unknown method \(path)") == true)
        }
    }

    @Test func anUnsupportedEncodingIsUnimplementedAndNamesTheAcceptedOnes() async throws {
        try await withGRPCServer { client, _, _ in
            let reply = try await client.call(GRPCTestClient.tracePath, body: GRPCTestClient.framed([1, 2, 3], compressed: true),
                                              extraHeaders: [("grpc-encoding", "snappy")])
            #expect(reply.status == 12)
            #expect(reply.header("grpc-accept-encoding") == "identity,gzip,deflate")
        }
    }

    @Test func aRequestThatIsNotGRPCIsAnswered415() async throws {
        try await withGRPCServer { client, _, _ in
            let reply = try await client.call(GRPCTestClient.tracePath, body: OTLPFixtures.traceBody(spans: 1),
                                              extraHeaders: [("content-type", "application/x-protobuf")])
            #expect(reply.httpStatus == 415)
            #expect(reply.message?.contains("use OTLP/HTTP") == true)
        }
    }

    @Test func rejectedSpansComeBackAsPartialSuccess() async throws {
        var bad = OTLPFixtures.span(trace: 5, id: 6, name: "broken")
        bad.traceID = Data(repeating: 7, count: 15)
        let request = OTLPFixtures.traceRequest([OTLPFixtures.span(trace: 1, id: 2), bad, OTLPFixtures.span(trace: 3, id: 4)])
        try await withGRPCServer { client, _, engine in
            let reply = try await client.export(GRPCTestClient.tracePath, message: OTLPFixtures.bytes(request))
            #expect(reply.status == 0)
            let response = try ProtoTraceResponse(serializedBytes: try #require(reply.messages.first))
            #expect(response.partialSuccess.rejectedSpans == 1)
            #expect(response.partialSuccess.errorMessage.contains("trace_id"))
            #expect(engine.summary().spansStored == 2)
        }
    }

    @Test func aCallShedForWantOfMemoryIsUnavailableWithRetryInfo() async throws {
        try await withGRPCServer(.forTests(maxBodyBytes: 1 << 20, maxInflightBytes: 1 << 20)) { client, _, engine in
            // A call announces a message as large as the budget and sends all but its last bytes.
            var holder = GRPCTestClient.framed([UInt8](repeating: 0, count: (1 << 20) - 64))
            holder.removeLast(10)
            _ = try await client.start(GRPCTestClient.tracePath, body: holder, endStream: false)
            var shed: GRPCTestClient.Reply?
            var accepted = 0
            // Until the held bytes have arrived, a small export still fits; then it is shed.
            while shed == nil, accepted < 200 {
                let reply = try await client.export(GRPCTestClient.tracePath, message: OTLPFixtures.traceBody(spans: 1, firstTrace: UInt64(accepted + 1)))
                if reply.status == 0 { accepted += 1 } else { shed = reply }
                if shed == nil { try await Task.sleep(for: .milliseconds(20)) }
            }
            let reply = try #require(shed)
            #expect(reply.status == 14)  // UNAVAILABLE
            let details = try #require(reply.details.flatMap(DecodedRPCStatus.init))
            #expect(details.detailTypes == ["type.googleapis.com/google.rpc.RetryInfo"])
            // 1 s when the message could not be buffered, 2 s when its decoding found no room.
            #expect(details.retryDelaySeconds.map { (1...2).contains($0) } == true)
            #expect(engine.summary().requestsShedByReason[.inflightMemory] == 1)
            #expect(engine.summary().spansReceived == accepted)
        }
    }
}
