import GovTopCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// The HTTP/1.1 server: OTLP/HTTP receiver (`/v1/traces`, `/v1/metrics`, `/v1/logs`) and JSON API
/// (`/api/v1/...`, `/healthz`) on one port.
///
/// It owns its event loops and worker threads: `start()` creates them and binds, `stop()` closes
/// every connection and ends the threads. A server can be started once.
public final class GovTopServer: Sendable {
    public let configuration: ReceiverConfiguration
    private let engine: Engine
    private let lifecycle = Mutex(Lifecycle.created)
    /// Lets tests hold requests in processing; the identity otherwise.
    private let wrapWorkers: @Sendable (any RequestWorkers) -> any RequestWorkers

    private enum Lifecycle {
        case created
        case starting
        case running(Channel, Threads)
        case stopped
    }

    /// The threads a running server owns.
    private struct Threads: Sendable {
        let group: MultiThreadedEventLoopGroup
        let exportWorkers: NIOThreadPool
        let apiWorkers: NIOThreadPool

        init(configuration: ReceiverConfiguration) {
            group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
            exportWorkers = NIOThreadPool(numberOfThreads: configuration.workerThreads)
            apiWorkers = NIOThreadPool(numberOfThreads: 1)
            exportWorkers.start()
            apiWorkers.start()
        }

        /// Workers first, while the event loops can still receive their results (a request
        /// that arrives meanwhile is answered 503); then the loops, which closes every connection.
        func shutdown() async {
            try? await exportWorkers.shutdownGracefully()
            try? await apiWorkers.shutdownGracefully()
            try? await group.shutdownGracefully()
        }
    }

    /// Where accepted exports are recorded (`--record`); nil when they are not.
    private let recorder: ExportRecorder?

    /// - Parameter recorder: records every accepted export; the caller stops it after the server.
    public convenience init(configuration: ReceiverConfiguration = ReceiverConfiguration(), engine: Engine,
                            recorder: ExportRecorder? = nil) {
        self.init(configuration: configuration, engine: engine, recorder: recorder, wrapWorkers: { $0 })
    }

    init(configuration: ReceiverConfiguration, engine: Engine, recorder: ExportRecorder? = nil,
         wrapWorkers: @escaping @Sendable (any RequestWorkers) -> any RequestWorkers) {
        self.configuration = configuration
        self.engine = engine
        self.recorder = recorder
        self.wrapWorkers = wrapWorkers
    }

    /// Binds and starts serving; returns the bound port (the chosen one when the configuration says 0).
    public func start() async throws -> Int {
        try configuration.validate()
        try lifecycle.withLock { state in
            guard case .created = state else { throw GovTopServerError.alreadyStarted }
            state = .starting
        }
        let threads = Threads(configuration: configuration)
        let channel: Channel
        do {
            channel = try await bootstrap(threads).bind(host: configuration.host, port: configuration.port).get()
        } catch {
            lifecycle.withLock { $0 = .stopped }
            await threads.shutdown()
            throw GovTopServerError.bindFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        let stillWanted = lifecycle.withLock { state in
            guard case .starting = state else { return false }
            state = .running(channel, threads)
            return true
        }
        guard stillWanted else {
            try? await channel.close()
            await threads.shutdown()
            throw GovTopServerError.stoppedWhileStarting
        }
        return channel.localAddress?.port ?? configuration.port
    }

    /// Stops listening, closes every connection and ends the server's threads.
    public func stop() async {
        let previous = lifecycle.withLock { state in
            defer { state = .stopped }
            return state
        }
        guard case .running(let channel, let threads) = previous else { return }
        try? await channel.close()
        await threads.shutdown()
    }

    private func bootstrap(_ threads: Threads) -> ServerBootstrap {
        let services = ServerServices(engine: engine, configuration: configuration,
                                      exportWorkers: threads.exportWorkers, apiWorkers: threads.apiWorkers,
                                      inflight: InflightBudget(limit: configuration.maxInflightBytes), recorder: recorder)
        let workers = wrapWorkers(ThreadPoolRequestWorkers(services: services))
        let registry = ConnectionRegistry(limit: configuration.maxConnections)
        let limits = ConnectionStateMachine.Limits(configuration)
        return ServerBootstrap(group: threads.group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                let admission = registry.admit(now: channel.eventLoop.now) {
                    channel.pipeline.fireUserInboundEventTriggered(ConnectionEvictionRequest())
                }
                guard case .admitted(let id, let victim) = admission else {
                    return channel.close()
                }
                victim?()
                channel.closeFuture.whenComplete { _ in registry.remove(id) }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(RequestByteObserver())
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try pipeline.addHandler(HTTPConnectionHandler(
                        limits: limits, budget: services.inflight, workers: workers,
                        recordShed: { services.engine.recordShedRequest($0) },
                        reportActivity: { registry.update(id, activity: $0) }))
                }
            }
    }
}

/// Why the server could not start.
public enum GovTopServerError: Error, Sendable, CustomStringConvertible {
    case alreadyStarted
    case stoppedWhileStarting
    case bindFailed(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .alreadyStarted:
            "the server was already started; create a new GovTopServer to start again"
        case .stoppedWhileStarting:
            "the server was stopped before it finished starting"
        case .bindFailed(let host, let port, let reason):
            "could not listen on \(host):\(port): \(reason); is another process using the port?"
        }
    }
}
