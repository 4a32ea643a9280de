import Foundation
import GovTopCore
import Testing

/// `null` items of an OTLP/JSON export over HTTP: a null span comes back as a rejected span in
/// the partial-success response, other null items show in `/api/v1/summary`.
@Suite struct NullItemsExportTests {
    @Test func nullSpansAreRejectedAndOtherNullItemsCounted() async throws {
        let body = Array(#"""
        {"resourceSpans":[null,{"resource":{"attributes":[null,{"key":"service.name","value":{"stringValue":"search"}}]},
         "scopeSpans":[null,{"spans":[null,
          {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"1112131415161718","name":"query","links":[null]}]}]}]}
        """#.utf8)
        try await withServer { port, engine in
            let response = try await blocking {
                try HTTPTestClient(port: port).exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeJSON], body: body)
            }
            #expect(response.status == 200)
            let partial = response.json["partialSuccess"] as? [String: Any]
            #expect(partial?["rejectedSpans"] as? String == "1")
            #expect(partial?["errorMessage"] as? String == "1 span(s) in 'spans' were null, not Span objects")
            let summary = try await APIClient(port: port).get("/api/v1/summary").json
            #expect(summary["spans_received"] as? Int == 2)
            #expect(summary["spans_rejected"] as? Int == 1)
            #expect(summary["null_items_dropped"] as? Int == 4)
            #expect(engine.summary().spansStored == 1)
        }
    }
}
