import NIOCore
import NIOPosix

/// Sends record files to an OTLP/HTTP receiver as they were recorded: every line as one export
/// (`RecordedExport`) to `/v1/traces`, `/v1/metrics` or `/v1/logs`, in order, timed by `ReplaySchedule`.
///
/// A line that is not an export request is reported with its file and line and skipped; an export
/// the receiver refuses (non-2xx after the retries of `retry`) is reported and counted, and the
/// replay goes on. A file that cannot be read, or a receiver that cannot be reached even after the
/// retries, ends the replay with a `ReplayError`.
public final class ReplayDriver: Sendable {
    public let endpoint: OTLPEndpoint
    public let retry: RetryPolicy
    private let speed: Double?
    private let maxGapSeconds: Double
    private let maxLineBytes: Int
    private let client: OTLPHTTPClient

    /// - Parameter speed: recorded time runs this many times faster; nil sends as fast as possible.
    public init(endpoint: OTLPEndpoint, speed: Double?, maxGapSeconds: Double = 60, maxLineBytes: Int = 64 << 20,
                retry: RetryPolicy = RetryPolicy(), group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                responseTimeout: Duration = .seconds(30)) {
        self.endpoint = endpoint
        self.speed = speed
        self.maxGapSeconds = maxGapSeconds
        self.maxLineBytes = maxLineBytes
        self.retry = retry
        client = OTLPHTTPClient(endpoint: endpoint, group: group, responseTimeout: responseTimeout)
    }

    /// Replays `files` in the order given (a rotated set oldest first: FILE.2 FILE.1 FILE).
    /// `onProgress` is called after every line, `onProblem` with each line-level problem.
    public func run(files: [String], onProgress: @Sendable (ReplayProgress) -> Void = { _ in },
                    onProblem: @Sendable (ReplayError) -> Void = { _ in }) async throws(ReplayError) -> ReplayProgress {
        do {
            let progress = try await replay(files: files, onProgress: onProgress, onProblem: onProblem)
            await client.close()
            return progress
        } catch {
            await client.close()
            throw error
        }
    }

    private func replay(files: [String], onProgress: @Sendable (ReplayProgress) -> Void,
                        onProblem: @Sendable (ReplayError) -> Void) async throws(ReplayError) -> ReplayProgress {
        // Every file must open before anything is sent.
        var readers: [RecordLineReader] = []
        for file in files { readers.append(try RecordLineReader(path: file, maxLineBytes: maxLineBytes)) }
        let clock = ContinuousClock()
        let start = clock.now
        var schedule = ReplaySchedule(speed: speed, maxGapSeconds: maxGapSeconds)
        var progress = ReplayProgress()
        for reader in readers {
            while let line = try reader.next() {
                if Task.isCancelled { return progress }
                progress.lines += 1
                let export: RecordedExport
                do {
                    guard let parsed = try RecordedExport.parse(line) else { continue }
                    export = parsed
                } catch {
                    progress.badLines += 1
                    let problem = ReplayError(file: reader.path, line: reader.lineNumber, error.message)
                    progress.lastError = problem.description
                    onProblem(problem)
                    continue
                }
                try? await Task.sleep(until: start + schedule.due(at: export.timeUnixNano), clock: clock)
                try await send(export, at: (reader.path, reader.lineNumber), progress: &progress, onProblem: onProblem)
                progress.elapsedSeconds = Self.seconds(clock.now - start)
                onProgress(progress)
            }
        }
        progress.elapsedSeconds = Self.seconds(clock.now - start)
        return progress
    }

    private func send(_ export: RecordedExport, at place: (file: String, line: Int), progress: inout ReplayProgress,
                      onProblem: (ReplayError) -> Void) async throws(ReplayError) {
        var retries = 0
        while true {
            do {
                let reply = try await client.export(export.body, path: endpoint.path(for: export.signal), contentType: export.content)
                progress.sent[export.signal, default: 0] += 1
                progress.items += max(0, export.items - reply.rejected)
                progress.itemsRejected += min(export.items, reply.rejected)
                if reply.rejected > 0 {
                    let problem = ReplayError(file: place.file, line: place.line, "\(reply.rejected) of \(export.items) items refused: \(reply.message)")
                    progress.lastError = problem.description
                    onProblem(problem)
                }
                return
            } catch {
                if let delay = retry.delay(beforeRetry: retries, after: error), !Task.isCancelled {
                    retries += 1
                    progress.retries += 1
                    try? await Task.sleep(for: delay)
                    continue
                }
                switch error {
                case .connect, .connectionLost, .timedOut, .tls:
                    throw ReplayError(file: place.file, line: place.line, "\(error) (gave up after \(retries) retries)")
                case .status:
                    progress.failed += 1
                    let problem = ReplayError(file: place.file, line: place.line, "\(export.signal.rawValue) export refused: \(error)")
                    progress.lastError = problem.description
                    onProblem(problem)
                    return
                }
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
