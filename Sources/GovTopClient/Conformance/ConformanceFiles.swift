import Foundation
import GovTopCore

/// Reads recorded OTLP trace exports and judges every span against the GenOps specification
/// (`govtop conformance`). A file is, by its first byte: OTLP/JSON, one export request per line
/// (govtop's `--record`, a Collector's `file` exporter; gzip allowed) or one request spread over
/// several lines; or else one OTLP/protobuf `ExportTraceServiceRequest`. Metrics and log lines are
/// skipped. Identity reuse is judged across all files read into the same checker.
public struct ConformanceFiles {
    /// Largest whole file read at once (a protobuf request, or a multi-line JSON document).
    public static let maxWholeFileBytes = 256 << 20

    public private(set) var tally = ConformanceTally()
    /// Trace spans read so far.
    public private(set) var spans = 0

    public init() {}

    /// Reads one file; throws, naming the file (and line), when it cannot be read as OTLP.
    public mutating func read(path: String) throws(ReplayError) {
        let reader = try RecordLineReader(path: path)
        guard let first = try reader.next() else { throw ReplayError(file: path, "is empty: expected recorded OTLP trace exports") }
        guard first.first(where: { ![0x20, 0x09, 0x0D].contains($0) }) == UInt8(ascii: "{") else {
            try readProtobuf(path: path)
            return
        }
        if let export = try? RecordedExport.parse(first) {
            try add(export, path: path, line: reader.lineNumber)
            while let line = try reader.next() {
                let export: RecordedExport?
                do { export = try RecordedExport.parse(line) } catch {
                    throw ReplayError(file: path, line: reader.lineNumber, error.message)
                }
                if let export { try add(export, path: path, line: reader.lineNumber) }
            }
        } else {
            try readJSONDocument(path: path)
        }
    }

    /// The report over everything read so far.
    public func report() -> ConformanceReport { tally.report() }

    private mutating func add(_ export: RecordedExport, path: String, line: Int) throws(ReplayError) {
        guard export.signal == .traces else { return }
        let decoded: Result<TraceBatch, OTLPDecodeError> = switch export.content {
        case .protobuf: Result { () throws(OTLPDecodeError) in try OTLPProtobufDecoder.decodeTraces(export.body, limits: Self.limits) }
        case .json: Result { () throws(OTLPDecodeError) in try OTLPJSONDecoder.decodeTraces(export.body, limits: Self.limits) }
        }
        switch decoded {
        case .success(let batch): add(batch)
        case .failure(let error): throw ReplayError(file: path, line: line, "not an OTLP trace export: \(error.message)")
        }
    }

    private mutating func readProtobuf(path: String) throws(ReplayError) {
        let bytes = try Self.wholeFile(path)
        do {
            add(try OTLPProtobufDecoder.decodeTraces(bytes, limits: Self.limits))
        } catch {
            throw ReplayError(file: path, "is neither OTLP/JSON nor an OTLP/protobuf trace export: \(error.message)")
        }
    }

    private mutating func readJSONDocument(path: String) throws(ReplayError) {
        let bytes = try Self.wholeFile(path)
        do {
            add(try OTLPJSONDecoder.decodeTraces(bytes, limits: Self.limits))
        } catch {
            throw ReplayError(file: path, "is not an OTLP/JSON trace export: \(error.message)")
        }
    }

    private static func wholeFile(_ path: String) throws(ReplayError) -> [UInt8] {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxWholeFileBytes else {
            throw ReplayError(file: path, "is larger than \(maxWholeFileBytes >> 20) MiB: record it as OTLP/JSON lines instead")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ReplayError(file: path, "cannot be read") }
        return [UInt8](data)
    }

    private static let limits = DecodeLimits(maxDecodedBytes: 1 << 34, maxDecodeRatio: 1 << 10)

    private mutating func add(_ batch: TraceBatch) {
        for resourceSpans in batch.resourceSpans {
            let service = resourceSpans.resource.serviceName
            for scope in resourceSpans.scopeSpans {
                for span in scope.spans {
                    spans += 1
                    tally.record(AWUChecker.check(span, resource: resourceSpans.resource.attributes), service: service,
                                 traceID: span.traceID, spanID: span.spanID)
                }
            }
        }
    }
}
