/// What the server does with a request, decided from its head alone.
enum Route: Sendable {
    /// An OTLP export; the body is collected and then decoded.
    case export(ExportRequest)
    /// A JSON API read; any body is ignored.
    case api(APIRequest)
    /// Refused before the body is read.
    case failure(RequestFailure, FailureStyle)
}

/// How an error body is written.
enum FailureStyle: Sendable, Equatable {
    /// A `google.rpc.Status` in the given format (OTLP paths).
    case otlp(PayloadFormat)
    /// `{"error": "..."}` (API paths and everything else).
    case api
}
