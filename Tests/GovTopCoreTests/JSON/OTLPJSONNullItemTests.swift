import GovTopCore
import Testing

/// `null` items in repeated fields are never dropped silently: a `null` span is a rejected span
/// (with a message for the partial-success response), any other `null` item is counted.
@Suite struct OTLPJSONNullItemTests {
    static let traceID = "5b8efff798038103d269b633813fc60c"

    static func span(_ id: String, _ members: String = "") -> String {
        #"{"traceId":"\#(traceID)","spanId":"\#(id)","name":"s"\#(members)}"#
    }

    static func request(spans: String) -> String {
        #"{"resourceSpans":[{"scopeSpans":[{"spans":[\#(spans)]}]}]}"#
    }

    @Test func aNullSpanIsARejectedSpanWithAMessage() throws {
        let batch = try decodeJSONTraces(Self.request(spans: "null," + Self.span("eee19b7ec3c1b174") + ",null"))
        #expect(JSONFixtures.spans(batch).count == 1)
        #expect(batch.rejectedSpans == 2)
        #expect(batch.rejectionMessage == "2 span(s) in 'spans' were null, not Span objects")
        #expect(batch.nullItemsDropped == 0)
    }

    @Test(arguments: [
        (#"{"resourceSpans":[null,null,{}]}"#, 2),
        (#"{"resourceSpans":[{"scopeSpans":[null,{},null,null]}]}"#, 3),
        (#"{"resourceSpans":[{"resource":{"attributes":[null]}}]}"#, 1),
        (#"{"resourceSpans":[{"scopeSpans":[{"scope":{"attributes":[null,null]}}]}]}"#, 2),
        (OTLPJSONNullItemTests.request(spans: OTLPJSONNullItemTests.span("eee19b7ec3c1b174", #","attributes":[null,{"key":"a"},null]"#)), 2),
        (OTLPJSONNullItemTests.request(spans: OTLPJSONNullItemTests.span("eee19b7ec3c1b174", #","events":[null,{"name":"e","attributes":[null]}]"#)), 2),
        (OTLPJSONNullItemTests.request(spans: OTLPJSONNullItemTests.span("eee19b7ec3c1b174", #","links":[null]"#)), 1),
        (OTLPJSONNullItemTests.request(spans: OTLPJSONNullItemTests.span("eee19b7ec3c1b174",
                             #","attributes":[{"key":"k","value":{"kvlistValue":{"values":[null,{"key":"x"}]}}}]"#)), 1),
    ])
    func otherNullItemsAreCounted(json: String, nulls: Int) throws {
        let batch = try decodeJSONTraces(json)
        #expect(batch.nullItemsDropped == nulls)
        #expect(batch.rejectedSpans == 0)
    }

    @Test func aNullInAnArrayValueKeepsItsPlaceAndIsNotDropped() throws {
        let attribute = #"{"key":"k","value":{"arrayValue":{"values":[null,{"intValue":"1"}]}}}"#
        let batch = try decodeJSONTraces(Self.request(spans: Self.span("eee19b7ec3c1b174", #","attributes":[\#(attribute)]"#)))
        #expect(batch.nullItemsDropped == 0)
        #expect(JSONFixtures.spans(batch).first?.attributes == [Attribute("k", .array([.empty, .int(1)]))])
    }

    @Test func theNullsFixtureCountsEveryNullItem() throws {
        let batch = try JSONFixtures.traces("nulls-as-absent")
        // `resourceSpans[0]`, one attribute and one link are null; so is one span.
        #expect(batch.nullItemsDropped == 3)
        #expect(batch.rejectedSpans == 1)
    }
}
