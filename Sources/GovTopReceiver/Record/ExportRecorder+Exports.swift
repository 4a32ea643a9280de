import GovTopCore

extension ExportRecorder {
    /// A decoded trace batch weighs this many times its body in the queue (about what decoding costs).
    static let traceBatchWeight = 4

    /// Records the accepted spans of a trace export (`bodyBytes`: its decompressed size).
    func record(_ batch: TraceBatch, bodyBytes: Int) {
        enqueue(.traces(batch), bytes: bodyBytes * Self.traceBatchWeight)
    }

    /// Records an accepted metrics or logs export: its body is copied only when the queue has room.
    func record(_ signal: OTLPSignal, format: PayloadFormat, body: UnsafeRawBufferPointer) {
        guard signal != .traces, hasRoom(for: body.count) else {
            countDropped()
            return
        }
        let copy = Array(body)
        enqueue(signal == .metrics ? .metrics(copy, format) : .logs(copy, format), bytes: copy.count)
    }
}
