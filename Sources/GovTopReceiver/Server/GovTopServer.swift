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

    private enum Lifecycle {
        case created
        case starting
        case running(Channel, MultiThreadedEventLoopGroup, NIOThreadPool)
        case stopped
    }

    public init(configuration: ReceiverConfiguration = ReceiverConfiguration(), engine: Engine) {
        self.configuration = configuration
        self.engine = engine
    }

    /// Binds and starts serving; returns the bound port (the chosen one when the configuration says 0).
    public func start() async throws -> Int {
        try configuration.validate()
        try lifecycle.withLock { state in
            guard case .created = state else { throw GovTopServerError.alreadyStarted }
            state = .starting
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)
        let workers = NIOThreadPool(numberOfThreads: configuration.workerThreads)
        workers.start()
        do {
            let channel = try await bootstrap(group: group, workers: workers)
                .bind(host: configuration.host, port: configuration.port).get()
            let port = channel.localAddress?.port ?? configuration.port
            lifecycle.withLock { $0 = .running(channel, group, workers) }
            return port
        } catch {
            lifecycle.withLock { $0 = .stopped }
            try? await group.shutdownGracefully()
            try? await workers.shutdownGracefully()
            throw GovTopServerError.bindFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }

    /// Stops listening, closes every connection and ends the server's threads.
    public func stop() async throws {
        let previous = lifecycle.withLock { state in
            defer { state = .stopped }
            return state
        }
        guard case .running(let channel, let group, let workers) = previous else { return }
        try? await channel.close()
        try await group.shutdownGracefully()
        try await workers.shutdownGracefully()
    }

    private func bootstrap(group: MultiThreadedEventLoopGroup, workers: NIOThreadPool) -> ServerBootstrap {
        let services = ServerServices(engine: engine, configuration: configuration, workers: workers)
        let limiter = ConnectionLimiter(limit: configuration.maxConnections)
        let idleTimeout = TimeAmount(configuration.idleTimeout)
        return ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                guard limiter.acquire() else {
                    return channel.close()
                }
                channel.closeFuture.whenComplete { _ in limiter.release() }
                return channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(IdleStateHandler(readTimeout: idleTimeout))
                    try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try pipeline.addHandler(HTTPConnectionHandler(services: services))
                }
            }
    }
}

/// Why the server could not start.
public enum GovTopServerError: Error, Sendable, CustomStringConvertible {
    case alreadyStarted
    case bindFailed(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .alreadyStarted:
            "the server was already started; create a new GovTopServer to start again"
        case .bindFailed(let host, let port, let reason):
            "could not listen on \(host):\(port): \(reason); is another process using the port?"
        }
    }
}
