/// What a gRPC request's HEADERS say, as the stream state machine needs it.
struct GRPCRequestHead: Sendable, Equatable {
    var method: String
    var path: String
    var contentType: String?
    /// `grpc-encoding`: how messages with the compressed flag set are compressed.
    var encoding: String?
    /// `authorization` metadata, checked against the bearer token when the OTLP doors ask for it.
    var authorization: String? = nil

    /// The encodings a request message may be compressed with, for `grpc-accept-encoding`.
    static let acceptedEncodings = "identity,gzip,deflate"

    /// Checks the head: the call this stream carries, or the status that ends it at once.
    func route(access: AccessControl = .open) -> Result<(signal: OTLPSignal, encoding: ContentEncoding), GRPCRefusal> {
        let type = (contentType ?? "").lowercased()
        guard type == "application/grpc" || type.hasPrefix("application/grpc+proto") || type.hasPrefix("application/grpc;") else {
            // A non-gRPC client must not read the usual `200` as success (the gRPC protocol's advice).
            let status = type.hasPrefix("application/grpc")
                ? GRPCStatus(.unimplemented, "content-type \(type) is not served; OTLP/gRPC messages are protobuf (application/grpc)")
                : GRPCStatus(.internal, "content-type \(type.isEmpty ? "(none)" : type) is not gRPC; send application/grpc, or use OTLP/HTTP on the HTTP port")
            return .failure(GRPCRefusal(httpStatus: type.hasPrefix("application/grpc") ? 200 : 415, status: status))
        }
        if let status = access.grpcRefusal(authorization: authorization) { // auth: issue 16, before the method is looked at
            return .failure(GRPCRefusal(status: status))
        }
        guard method == "POST" else {
            return .failure(GRPCRefusal(status: GRPCStatus(.unimplemented, "method \(method) is not served; gRPC calls are POST")))
        }
        guard let signal = GRPCMethod.signal(path: path) else {
            let served = OTLPSignal.allCases.map(\.grpcPath).joined(separator: ", ")
            return .failure(GRPCRefusal(status: GRPCStatus(.unimplemented, "unknown method \(path); govtop serves \(served)")))
        }
        guard let encoding = ContentEncoding(header: encoding) else {
            return .failure(GRPCRefusal(status: GRPCStatus(
                .unimplemented, "grpc-encoding \(encoding ?? "") is not supported; use \(Self.acceptedEncodings)")))
        }
        return .success((signal, encoding))
    }
}

/// A request refused from its head alone.
struct GRPCRefusal: Error, Equatable {
    var httpStatus = 200
    var status: GRPCStatus
}
