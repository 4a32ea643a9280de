import Foundation
import OTLPProto
import SwiftProtobuf
import Testing
@testable import GovTopReceiver

@Suite struct OTLPResponseEncoderTests {
    @Test func fullSuccessIsTheEmptyMessage() {
        for signal in OTLPSignal.allCases {
            #expect(OTLPResponseEncoder.exportResponse(.accepted(signal), format: .protobuf).isEmpty)
            #expect(OTLPResponseEncoder.exportResponse(.accepted(signal), format: .json) == Array("{}".utf8))
        }
    }

    @Test func partialSuccessInProtobufDecodesWithTheGeneratedType() throws {
        let outcome = ExportOutcome(signal: .traces, rejected: 300, message: "span 'chat' has an invalid trace_id")
        let bytes = OTLPResponseEncoder.exportResponse(outcome, format: .protobuf)
        let response = try ProtoTraceResponse(serializedBytes: bytes)
        #expect(response.partialSuccess.rejectedSpans == 300)
        #expect(response.partialSuccess.errorMessage == "span 'chat' has an invalid trace_id")
    }

    @Test func partialSuccessInJSONWritesInt64AsAString() throws {
        let outcome = ExportOutcome(signal: .traces, rejected: 2, message: "bad \"id\"")
        let text = String(decoding: OTLPResponseEncoder.exportResponse(outcome, format: .json), as: UTF8.self)
        #expect(text == #"{"partialSuccess":{"rejectedSpans":"2","errorMessage":"bad \"id\""}}"#)
        let response = try ProtoTraceResponse(jsonString: text)
        #expect(response.partialSuccess.rejectedSpans == 2)
    }

    @Test func otherSignalsNameTheirRejectedField() {
        let metrics = OTLPResponseEncoder.exportResponse(ExportOutcome(signal: .metrics, rejected: 1, message: "m"), format: .json)
        let logs = OTLPResponseEncoder.exportResponse(ExportOutcome(signal: .logs, rejected: 1, message: "l"), format: .json)
        #expect(String(decoding: metrics, as: UTF8.self).contains(#""rejectedDataPoints":"1""#))
        #expect(String(decoding: logs, as: UTF8.self).contains(#""rejectedLogRecords":"1""#))
    }

    @Test func statusCarriesCodeAndMessage() throws {
        let failure = RequestFailure.badRequest("truncated field 2 at byte 7")
        let proto = try ProtoStatusShape(serializedBytes: OTLPResponseEncoder.status(failure, format: .protobuf))
        #expect(proto.rejectedSpans == 3)
        #expect(proto.errorMessage == "truncated field 2 at byte 7")
        let json = String(decoding: OTLPResponseEncoder.status(failure, format: .json), as: UTF8.self)
        #expect(json == #"{"code":3,"message":"truncated field 2 at byte 7"}"#)
    }

    @Test func failureResponseUsesTheRequestFormatAndHeaders() {
        let response = OTLPResponseEncoder.failure(.methodNotAllowed("GET", path: "/v1/traces", allowed: ["POST"]), format: .protobuf)
        #expect(response.status == 405)
        #expect(response.contentType == "application/x-protobuf")
        #expect(response.extraHeaders.first?.0 == "Allow")
    }
}
