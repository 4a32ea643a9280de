import GovTopCore

/// Writes the OTLP/HTTP response bodies: `Export*ServiceResponse` on success and
/// `google.rpc.Status` on failure, in protobuf or in OTLP/JSON.
enum OTLPResponseEncoder {
    static func success(_ outcome: ExportOutcome, format: PayloadFormat) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: format.contentType, body: exportResponse(outcome, format: format))
    }

    static func response(_ result: ExportResult, format: PayloadFormat) -> HTTPResponse {
        switch result {
        case .success(let outcome): success(outcome, format: format)
        case .failure(let failure): self.failure(failure, format: format)
        }
    }

    static func failure(_ failure: RequestFailure, format: PayloadFormat) -> HTTPResponse {
        HTTPResponse(status: failure.status, contentType: format.contentType, body: status(failure, format: format),
                     extraHeaders: failure.headers, closesConnection: failure.closesConnection)
    }

    /// `Export{Trace,Metrics,Logs}ServiceResponse`. Without rejections the body is the empty
    /// message (`{}`); otherwise `partial_success` (field 1) holds `rejected_<signal>` (field 1,
    /// int64, a decimal string in JSON) and `error_message` (field 2).
    static func exportResponse(_ outcome: ExportOutcome, format: PayloadFormat) -> [UInt8] {
        guard outcome.rejected > 0 || !outcome.message.isEmpty else {
            return format == .json ? Array("{}".utf8) : []
        }
        switch format {
        case .protobuf:
            var response = ProtobufWriter()
            response.message(1) { partial in
                if outcome.rejected != 0 { partial.int64(1, Int64(outcome.rejected)) }
                // Protobuf strings carry any character: a message that quotes the request is cleaned.
                if !outcome.message.isEmpty { partial.string(2, ControlCharacters.replaced(in: outcome.message)) }
            }
            return response.bytes
        case .json:
            let partial: JSONValue = .object([
                (rejectedFieldName(outcome.signal), .string(String(outcome.rejected))),
                ("errorMessage", .string(outcome.message)),
            ])
            return JSONValue.object([("partialSuccess", partial)]).serialized
        }
    }

    /// `google.rpc.Status`: `code` (field 1, int32, a JSON number) and `message` (field 2).
    static func status(_ failure: RequestFailure, format: PayloadFormat) -> [UInt8] {
        switch format {
        case .protobuf:
            var writer = ProtobufWriter()
            writer.int64(1, Int64(failure.grpcCode))
            writer.string(2, ControlCharacters.replaced(in: failure.message))
            return writer.bytes
        case .json:
            return JSONValue.object([("code", .int(Int64(failure.grpcCode))), ("message", .string(failure.message))]).serialized
        }
    }

    private static func rejectedFieldName(_ signal: OTLPSignal) -> String {
        switch signal {
        case .traces: "rejectedSpans"
        case .metrics: "rejectedDataPoints"
        case .logs: "rejectedLogRecords"
        }
    }
}
