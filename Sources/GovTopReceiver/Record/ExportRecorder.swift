import Foundation
import GovTopCore
import Synchronization

/// Appends every accepted export to a record file (`--record FILE`), off the ingest path: the
/// receiver hands each export over after it was ingested (`ExportProcessor`), into a bounded queue
/// (`RecorderConfiguration.maxQueuedExports` and `.maxQueuedBytes`); one writer thread encodes the
/// lines (`RecordLine`) and writes them (`RecordFile`). A full queue never blocks: the export is
/// not recorded and counted (`record_dropped` in `/api/v1/summary`). A failed write is counted too
/// (`record_write_errors`), and the writer tries again with the next export.
public final class ExportRecorder: Sendable {
    public let configuration: RecorderConfiguration
    private let state = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)

    private struct Queue {
        var items: [(item: RecordItem, bytes: Int)] = []
        var head = 0
        var bytes = 0
        var counts = RecorderCounts()
        var stopping = false

        var count: Int { items.count - head }

        mutating func pop() -> (item: RecordItem, bytes: Int)? {
            guard head < items.count else { return nil }
            let next = items[head]
            head += 1
            bytes -= next.bytes
            if head > 64, head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            return next
        }
    }

    /// Opens (creates) the file and starts the writer thread.
    ///
    /// - Parameter policies: the engine's policy rules, compiled; the redact rules among them mask
    ///   the records as they mask the store (`RecordRedaction`).
    /// - Throws: `RecordFileError` when the file cannot be opened for appending.
    public init(configuration: RecorderConfiguration, policies: PolicyEvaluator) throws(RecordFileError) {
        self.configuration = configuration
        let file = try RecordFile(path: configuration.path, maxFileBytes: configuration.maxFileBytes,
                                  keepFiles: configuration.keepFiles)
        let line = RecordLine(redaction: RecordRedaction(policies: policies))
        let thread = Thread { [self] in self.write(to: file, line: line) }
        thread.name = "govtop-record"
        thread.start()
    }

    public var counts: RecorderCounts { state.withLock { $0.counts } }

    /// Queues one accepted export; never waits. `bytes` is what the request weighs in the queue.
    func enqueue(_ item: RecordItem, bytes: Int) {
        let queued = state.withLock { queue in
            guard !queue.stopping, queue.count < configuration.maxQueuedExports,
                  queue.bytes + bytes <= configuration.maxQueuedBytes else {
                queue.counts.dropped += 1
                return false
            }
            queue.items.append((item, bytes))
            queue.bytes += bytes
            return true
        }
        if queued { wake.signal() }
    }

    /// Whether an export of `bytes` would be queued now, so metrics and logs bodies are only copied
    /// when they will be kept.
    func hasRoom(for bytes: Int) -> Bool {
        state.withLock { queue in
            !queue.stopping && queue.count < configuration.maxQueuedExports && queue.bytes + bytes <= configuration.maxQueuedBytes
        }
    }

    /// Counts an export dropped without being offered to `enqueue` (no room for its copy).
    func countDropped() {
        state.withLock { $0.counts.dropped += 1 }
    }

    /// Writes what is queued, closes the file and ends the writer thread. Exports arriving after
    /// it are counted as dropped. Safe to call more than once.
    public func stop() {
        let first = state.withLock { queue in
            defer { queue.stopping = true }
            return !queue.stopping
        }
        guard first else { return }
        wake.signal()
        done.wait()
        done.signal()
    }

    private func write(to file: RecordFile, line: RecordLine) {
        while true {
            wake.wait()
            while let next = state.withLock({ $0.pop() }) {
                do throws(RecordFileError) {
                    guard let bytes = line.encode(next.item) else {
                        state.withLock { queue in
                            queue.counts.writeErrors += 1
                            queue.counts.lastError = "an accepted export could not be transcoded to OTLP/JSON"
                        }
                        continue
                    }
                    try file.append(bytes)
                    state.withLock { $0.counts.recorded += 1 }
                } catch {
                    state.withLock { queue in
                        queue.counts.writeErrors += 1
                        queue.counts.lastError = error.description
                    }
                }
            }
            if state.withLock({ $0.stopping && $0.count == 0 }) { break }
        }
        file.close()
        done.signal()
    }
}
