/// The three OTLP/HTTP export paths.
enum OTLPSignal: String, Sendable, CaseIterable {
    case traces
    case metrics
    case logs

    var path: String { "/v1/" + rawValue }
}

/// A validated OTLP export request, waiting for its body.
struct ExportRequest: Sendable, Equatable {
    var signal: OTLPSignal
    var format: PayloadFormat
    var encoding: ContentEncoding
}
