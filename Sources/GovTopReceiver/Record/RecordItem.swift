import GovTopCore

/// One accepted export on its way to the record file: what the receiver decoded, or for metrics
/// and logs a copy of the (decompressed) body. Turned into a line on the writer's thread.
enum RecordItem: Sendable {
    case traces(TraceBatch)
    case metrics([UInt8], PayloadFormat)
    case logs([UInt8], PayloadFormat)
}
