/// A complete gRPC response: the response message (if the call succeeded) and the status for the
/// trailers. Without a message it is written as a trailers-only response (one HEADERS frame).
struct GRPCResponse: Sendable, Equatable {
    /// The HTTP `:status`: `200` for every gRPC answer; `415` for a request that is not gRPC.
    var httpStatus = 200
    /// The serialized `Export*ServiceResponse`, unframed.
    var message: [UInt8]?
    var status: GRPCStatus

    static func success(_ outcome: ExportOutcome) -> GRPCResponse {
        GRPCResponse(message: OTLPResponseEncoder.exportResponse(outcome, format: .protobuf), status: .ok)
    }

    static func failure(_ status: GRPCStatus, httpStatus: Int = 200) -> GRPCResponse {
        GRPCResponse(httpStatus: httpStatus, message: nil, status: status)
    }

    static func of(_ result: ExportResult) -> GRPCResponse {
        switch result {
        case .success(let outcome): success(outcome)
        case .failure(let failure): .failure(GRPCStatus(failure))
        }
    }

    /// The headers that start the response (`:status`, `content-type`, `grpc-accept-encoding`).
    var headers: [(String, String)] {
        [(":status", String(httpStatus)), ("content-type", "application/grpc"),
         ("grpc-accept-encoding", GRPCRequestHead.acceptedEncodings)]
    }

    /// The trailers that end it; a failure's message and details only when it has them.
    var trailers: [(String, String)] {
        var trailers = [("grpc-status", String(status.code.rawValue))]
        if !status.message.isEmpty { trailers.append(("grpc-message", status.encodedMessage)) }
        if status.code != .ok { trailers.append(("grpc-status-details-bin", status.encodedDetails)) }
        return trailers
    }

}
