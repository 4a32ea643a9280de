import GovTopCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The HTTP/1.1 server: OTLP/HTTP receiver (`/v1/traces`, `/v1/metrics`, `/v1/logs`) and JSON API
/// (`/api/v1/...`, `/healthz`) on one port; and, when `configuration.grpcPort` is set, the
/// OTLP/gRPC receiver on another. Both doors share the event loops, the export workers and queue,
/// the in-flight budget and the cap on connections. With `configuration.tls` both doors speak TLS
/// only; `configuration.access` decides which requests must carry the bearer token.
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
        case running([Channel], Threads, grpcPort: Int?)
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

    /// Binds and starts serving; returns the bound HTTP port (the chosen one when the configuration
    /// says 0). The gRPC port is `grpcPort` once started.
    public func start() async throws -> Int {
        try configuration.validate()
        if let limit = OpenFileLimit.raiseToHardLimit(), limit < OpenFileLimit.needed(maxConnections: configuration.maxConnections) {
            throw GovTopServerError.openFileLimit(limit: limit, maxConnections: configuration.maxConnections)
        }
        let tls = try configuration.tls?.serverContexts()
        try lifecycle.withLock { state in
            guard case .created = state else { throw GovTopServerError.alreadyStarted }
            state = .starting
        }
        let threads = Threads(configuration: configuration)
        let doors = Doors(server: self, threads: threads, tls: tls)
        var channels: [Channel] = []
        var grpcPort: Int?
        do {
            channels.append(try await bind(doors.http(), port: configuration.port))
            if let port = configuration.grpcPort {
                let channel = try await bind(doors.grpc(), port: port)
                channels.append(channel)
                grpcPort = channel.localAddress?.port ?? port
            }
        } catch {
            for channel in channels { try? await channel.close() }
            lifecycle.withLock { $0 = .stopped }
            await threads.shutdown()
            throw error
        }
        let stillWanted = lifecycle.withLock { state in
            guard case .starting = state else { return false }
            state = .running(channels, threads, grpcPort: grpcPort)
            return true
        }
        guard stillWanted else {
            for channel in channels { try? await channel.close() }
            await threads.shutdown()
            throw GovTopServerError.stoppedWhileStarting
        }
        return channels[0].localAddress?.port ?? configuration.port
    }

    /// The port the OTLP/gRPC door listens on while running (the chosen one when the configuration
    /// says 0); nil when it is off or the server is not running.
    public var grpcPort: Int? {
        lifecycle.withLock { state in
            if case .running(_, _, let port) = state { port } else { nil }
        }
    }

    /// Stops listening, closes every connection and ends the server's threads.
    public func stop() async {
        let previous = lifecycle.withLock { state in
            defer { state = .stopped }
            return state
        }
        guard case .running(let channels, let threads, _) = previous else { return }
        for channel in channels { try? await channel.close() }
        await threads.shutdown()
    }

    private func bind(_ bootstrap: ServerBootstrap, port: Int) async throws -> Channel {
        do {
            return try await bootstrap.bind(host: configuration.host, port: port).get()
        } catch {
            throw GovTopServerError.bindFailed(host: configuration.host, port: port, reason: "\(error)")
        }
    }

    /// What both doors share, and how each sets up a connection.
    private struct Doors {
        let services: ServerServices
        let workers: any RequestWorkers
        let registry: ConnectionRegistry
        let limits: ConnectionStateMachine.Limits
        let group: MultiThreadedEventLoopGroup
        /// TLS server contexts of the HTTP and gRPC doors; nil: plain TCP.
        let tls: (http: NIOSSLContext, grpc: NIOSSLContext)?

        init(server: GovTopServer, threads: Threads, tls: (http: NIOSSLContext, grpc: NIOSSLContext)?) {
            self.tls = tls
            let configuration = server.configuration
            services = ServerServices(engine: server.engine, configuration: configuration,
                                      exportWorkers: threads.exportWorkers, apiWorkers: threads.apiWorkers,
                                      inflight: InflightBudget(limit: configuration.maxInflightBytes), recorder: server.recorder)
            workers = server.wrapWorkers(ThreadPoolRequestWorkers(services: services))
            registry = ConnectionRegistry(limit: configuration.maxConnections)
            limits = ConnectionStateMachine.Limits(configuration)
            group = threads.group
        }

        /// Accepts a connection when the registry has (or makes) room; `configure` sets up its pipeline.
        func bootstrap(_ configure: @escaping @Sendable (Channel, _ id: Int) throws -> Void) -> ServerBootstrap {
            let registry = registry
            return ServerBootstrap(group: group)
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
                    return channel.eventLoop.makeCompletedFuture { try configure(channel, id) }
                }
        }

        func http() -> ServerBootstrap {
            let (services, workers, registry, limits, tls) = (services, workers, registry, limits, tls?.http)
            return bootstrap { channel, id in
                let pipeline = channel.pipeline.syncOperations
                if let tls { try pipeline.addHandler(NIOSSLServerHandler(context: tls)) }
                try pipeline.addHandler(RequestByteObserver())
                try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                try pipeline.addHandler(HTTPConnectionHandler(
                    limits: limits, budget: services.inflight, workers: workers,
                    recordShed: { services.engine.recordShedRequest($0) },
                    reportActivity: { registry.update(id, activity: $0) }))
            }
        }

        func grpc() -> ServerBootstrap {
            let (services, workers, registry, limits, tls) = (services, workers, registry, limits, tls?.grpc)
            return bootstrap { channel, id in
                if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                try GRPCPipeline.configure(channel, limits: limits, budget: services.inflight, workers: workers,
                                           recordShed: { services.engine.recordShedRequest($0) },
                                           reportActivity: { registry.update(id, activity: $0) })
            }
        }
    }
}

/// Why the server could not start.
public enum GovTopServerError: Error, Sendable, CustomStringConvertible {
    case alreadyStarted
    case stoppedWhileStarting
    case bindFailed(host: String, port: Int, reason: String)
    /// The process may not open enough files for the connection cap, even at its hard limit.
    case openFileLimit(limit: Int, maxConnections: Int)

    public var description: String {
        switch self {
        case .alreadyStarted:
            "the server was already started; create a new GovTopServer to start again"
        case .stoppedWhileStarting:
            "the server was stopped before it finished starting"
        case .bindFailed(let host, let port, let reason):
            "could not listen on \(host):\(port): \(reason); is another process using the port?"
        case .openFileLimit(let limit, let maxConnections):
            "a cap of \(maxConnections) connections needs \(OpenFileLimit.needed(maxConnections: maxConnections)) open files, "
                + "but this process may open only \(limit) (`ulimit -n`, which govtop raises to `ulimit -Hn`); "
                + "lower --max-connections or raise the hard limit"
        }
    }
}
