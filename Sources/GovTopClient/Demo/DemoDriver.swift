import GovTopCore
import GovTopDemo
import NIOCore
import NIOPosix
import Synchronization

/// Runs the demo fleet in real time against an OTLP/HTTP endpoint: every `interval` it asks the
/// scenario for the spans that ended since the last send, encodes them with
/// `OTLPProtobufEncoder` and POSTs them, retrying by `retry`. Failures are counted in `progress`,
/// never thrown: a receiver that is down, slow or refusing only costs the batches it missed.
///
/// Used by `govtop --demo` (pointed at govtop's own receiver, with `start()`/`stop()`) and by
/// `govtop demo --endpoint` (with `run(duration:)`), which is also the load source of benchmarks.
/// Span times are the wall clock at the start plus the monotonic time since, so a clock jump
/// while running does not bend the traffic.
public final class DemoDriver: Sendable {
    public let endpoint: OTLPEndpoint
    public let rate: Double
    public let seed: UInt64
    public let interval: Duration
    public let retry: RetryPolicy
    /// How long the fleet has been running when the driver starts (see `init`).
    public let warmUp: Duration
    private let clock: GovClock
    private let client: OTLPHTTPClient
    private let state = Mutex(DemoProgress())
    private let task = Mutex<Task<DemoProgress, Never>?>(nil)

    /// - Parameters:
    ///   - rate: spans per second (see `DemoScenario.defaultRate`, clamped to `maximumRate`).
    ///   - interval: time between sends; each send carries the spans that ended since the last.
    ///   - warmUp: the fleet starts this long before the driver, and the first send (right away)
    ///     carries the spans that ended meanwhile, so a dashboard fills at once; the scenario's
    ///     story runs that much ahead. At most `DemoScenario.maximumInterval`.
    public init(endpoint: OTLPEndpoint, rate: Double = DemoScenario.defaultRate, seed: UInt64 = 42,
                interval: Duration = .seconds(1), warmUp: Duration = .zero, retry: RetryPolicy = RetryPolicy(), clock: GovClock = .system,
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, responseTimeout: Duration = .seconds(10)) {
        self.endpoint = endpoint
        self.rate = rate
        self.seed = seed
        self.interval = interval > .zero ? interval : .seconds(1)
        self.retry = retry
        self.warmUp = min(max(warmUp, .zero), .nanoseconds(Int64(DemoScenario.maximumInterval)))
        self.clock = clock
        client = OTLPHTTPClient(endpoint: endpoint, group: group, responseTimeout: responseTimeout)
    }

    /// A snapshot of the counts so far.
    public var progress: DemoProgress { state.withLock { $0 } }

    /// Starts sending in the background until `stop()`. A second call while running does nothing.
    public func start() {
        task.withLock { task in
            guard task == nil else { return }
            task = Task { await self.run(duration: nil) }
        }
    }

    /// Stops a run started with `start()`, waits for it to end and returns its final progress.
    @discardableResult
    public func stop() async -> DemoProgress {
        let running = task.withLock { task in
            defer { task = nil }
            return task
        }
        guard let running else { return progress }
        running.cancel()
        return await running.value
    }

    /// Sends for `duration` (or until the task is cancelled when nil), calling `onProgress` after
    /// every send. Returns the final progress.
    public func run(duration: Duration? = nil, onProgress: @Sendable (DemoProgress) -> Void = { _ in }) async -> DemoProgress {
        let monotonic = ContinuousClock()
        let began = monotonic.now
        let wallClock = clock.now()
        let startTime = wallClock - min(wallClock, Self.nanoseconds(warmUp))
        var scenario = DemoScenario(seed: seed, startTime: startTime)
        var sentUntil = startTime
        var tick = warmUp > .zero ? 0 : 1
        while !Task.isCancelled {
            var target = began + interval * tick
            let last = duration.map { target >= began + $0 } ?? false
            if let duration, last { target = began + duration }
            try? await Task.sleep(until: target, clock: monotonic)
            if Task.isCancelled { break }
            let elapsed = monotonic.now - began
            let now = startTime &+ Self.nanoseconds(warmUp + elapsed)
            let batch = scenario.traffic(from: sentUntil, to: now, rate: rate)
            sentUntil = now
            // Retries may run a little past the end of a timed run, not indefinitely.
            let retryDeadline = duration.map { began + $0 + Self.retryGrace }
            if batch.spanCount > 0 { await deliver(batch, retryDeadline: retryDeadline, clock: monotonic) }
            let snapshot = state.withLock { progress in
                progress.elapsedSeconds = Self.seconds(elapsed)
                return progress
            }
            onProgress(snapshot)
            if last { break }
            // After a long stall, skip the ticks that passed instead of sending empty catch-up batches.
            tick = max(tick + 1, Int(Self.seconds(monotonic.now - began) / Self.seconds(interval)) + 1)
        }
        await client.close()
        return state.withLock { progress in
            progress.elapsedSeconds = Self.seconds(monotonic.now - began)
            return progress
        }
    }

    /// How long after the end of a timed run a failed batch may still be retried.
    static let retryGrace = Duration.seconds(3)

    private func deliver(_ batch: TraceBatch, retryDeadline: ContinuousClock.Instant?, clock: ContinuousClock) async {
        let body = OTLPProtobufEncoder.encode(batch)
        let spans = batch.spanCount
        var retries = 0
        while true {
            do {
                let reply = try await client.export(body)
                state.withLock { progress in
                    progress.batchesSent += 1
                    progress.spansSent += max(0, spans - reply.rejected)
                    progress.spansRejected += min(spans, reply.rejected)
                    if reply.rejected > 0 {
                        progress.lastError = "\(reply.rejected) spans rejected: \(reply.message)"
                    }
                }
                return
            } catch {
                state.withLock { progress in
                    progress.errors += 1
                    progress.lastError = error.description
                }
                guard let delay = retry.delay(beforeRetry: retries, after: error), !Task.isCancelled,
                      retryDeadline.map({ clock.now + delay <= $0 }) ?? true,
                      (try? await Task.sleep(for: delay)) != nil else {
                    state.withLock { progress in
                        progress.batchesFailed += 1
                        progress.spansFailed += spans
                    }
                    return
                }
                retries += 1
                state.withLock { $0.retries += 1 }
            }
        }
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) &* 1_000_000_000 &+ UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
