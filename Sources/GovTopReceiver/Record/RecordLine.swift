import GovTopCore

/// Turns an accepted export into one line of the record file: an OTLP/JSON
/// `ExportTraceServiceRequest`, `ExportMetricsServiceRequest` or `ExportLogsServiceRequest` on one
/// line, the OpenTelemetry Collector `file` exporter's format, with what the redact rules match
/// masked as in the store (`RecordRedaction`).
struct RecordLine {
    let redaction: RecordRedaction

    /// The line without its newline; nil when a body that was accepted cannot be transcoded (it
    /// cannot happen for a body the decoder accepted, but the writer never trusts that).
    func encode(_ item: RecordItem) -> [UInt8]? {
        switch item {
        case .traces(let batch):
            return OTLPJSONEncoder.encode(redaction.redacted(batch))
        case .metrics(let body, let format):
            return node(body, format: format, message: .exportMetricsServiceRequest).map { redaction.redacted($0).encoded() }
        case .logs(let body, let format):
            return node(body, format: format, message: .exportLogsServiceRequest).map { redaction.redacted($0).encoded() }
        }
    }

    private func node(_ body: [UInt8], format: PayloadFormat, message: OTLPMessage) -> OTLPJSONNode? {
        body.withUnsafeBytes { bytes in
            switch format {
            case .protobuf: try? OTLPProtobufTranscoder.transcode(bytes, as: message)
            case .json: try? OTLPJSONNode.parse(bytes)
            }
        }
    }
}
