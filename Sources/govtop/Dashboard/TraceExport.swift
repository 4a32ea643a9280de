import Foundation
import GovTopCore

/// Writes a stored trace as an OTLP/JSON export request (what an SDK would have sent), to a file
/// in the current directory that `govtop` or any OTLP/HTTP receiver can read back.
enum TraceExport {
    /// `govtop-trace-<32 hex digits>.json`.
    static func fileName(for id: TraceID) -> String {
        "govtop-trace-\(id.hex).json"
    }

    /// The trace's spans grouped by where they came from (resource and scope), in arrival order.
    static func batch(_ trace: TraceDetail) -> TraceBatch {
        var batch = TraceBatch()
        var positions: [ObjectIdentifier: Int] = [:]
        for span in trace.spans {
            let key = ObjectIdentifier(span.origin)
            if let position = positions[key] {
                batch.resourceSpans[position].scopeSpans[0].spans.append(span.record)
            } else {
                positions[key] = batch.resourceSpans.count
                batch.resourceSpans.append(ResourceSpans(
                    resource: span.resource, scopeSpans: [ScopeSpans(scope: span.scope, spans: [span.record])]))
            }
        }
        return batch
    }

    /// Writes the file into `directory`; returns its name and the number of spans.
    static func write(_ trace: TraceDetail, into directory: String) throws -> (file: String, spans: Int) {
        let name = fileName(for: trace.traceID)
        let path = (directory as NSString).appendingPathComponent(name)
        let bytes = OTLPJSONEncoder.encode(batch(trace))
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        return (name, trace.spans.count)
    }
}
