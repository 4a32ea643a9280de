import Foundation
import GovTopCore
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// One connection to the shared ledger, used from one thread at a time (its lock): connected on
/// first use, dropped on any failure and connected again on the next call, so a database that went
/// away and came back is used again without a restart. Every wait is bounded by `timeout`; calls
/// come from the ledger's writer thread or a history read, never from an event loop of the receiver.
final class PostgresSession: Sendable {
    private let url: PostgresLedgerURL
    private let timeout: Duration
    private let connection = Mutex<PostgresConnection?>(nil)
    private let logger = Logger(label: "govtop.ledger.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
    private let counter = Atomic<Int>(0)

    init(url: PostgresLedgerURL, timeout: Duration = .seconds(10)) {
        self.url = url
        self.timeout = timeout
    }

    /// Runs `body` with the connection (connecting first if needed); a failure drops the connection.
    func with<T>(_ body: (Runner) throws -> T) throws(LedgerStoreError) -> T {
        do {
            return try connection.withLock { current throws -> T in
                let live: PostgresConnection
                if let existing = current, !existing.isClosed {
                    live = existing
                } else {
                    live = try connect()
                    current = live
                }
                do {
                    return try body(Runner(connection: live, logger: logger, timeout: timeout))
                } catch {
                    current = nil
                    shut(live)
                    throw error
                }
            }
        } catch let error as LedgerStoreError {
            throw error
        } catch {
            throw describe(error)
        }
    }

    func close() {
        connection.withLock { current in
            if let live = current { shut(live) }
            current = nil
        }
    }

    /// Closes a connection and waits (bounded) until it is: postgres-nio requires a connection to be
    /// closed before it is released, and a close left running would race the release.
    private func shut(_ live: PostgresConnection) {
        _ = try? Runner.wait(live.close(), timeout: timeout)
    }

    private func connect() throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user,
                                                             password: url.password, database: url.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(Int64(timeout.components.seconds))
        let future = PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration,
                                                id: counter.add(1, ordering: .relaxed).newValue, logger: logger)
        return try Runner.wait(future, timeout: timeout + .seconds(1)) {
            // A connection that arrives after we gave up is closed, and kept until it is (postgres-nio asserts so).
            future.whenSuccess { late in late.close().whenComplete { _ in _ = late } }
        }
    }

    /// A failure, phrased for a person, without the password.
    func describe(_ error: any Error) -> LedgerStoreError {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState] ?? ""
                return LedgerStoreError(.write, "the shared ledger \(url) refused a statement (\(state) \(message))")
            }
            let reason = error.underlying.map { String(describing: $0) } ?? String(describing: error.code)
            return LedgerStoreError(.write, "the shared ledger \(url) cannot be reached (\(reason)): is PostgreSQL running "
                                        + "and accepting connections there? Deltas wait in memory and are written when it answers")
        }
        if let error = error as? Runner.TimedOut {
            return LedgerStoreError(.write, "the shared ledger \(url) did not answer within \(error.after): deltas wait in "
                                        + "memory and are written when it answers")
        }
        return LedgerStoreError(.write, "the shared ledger \(url): \(error)")
    }

    /// Runs statements on a connection and waits for each answer.
    struct Runner {
        let connection: PostgresConnection
        let logger: Logger
        let timeout: Duration

        struct TimedOut: Error {
            let after: Duration
        }

        /// Runs one statement; returns its rows with every column read as text (`NULL` as nil).
        @discardableResult
        func query(_ sql: String, _ binds: [PostgresBindable] = []) throws -> [[String?]] {
            var bindings = PostgresBindings(capacity: binds.count)
            for bind in binds { bind.append(to: &bindings) }
            let result = try Self.wait(connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger),
                                       timeout: timeout) { connection.close().whenComplete { _ in } }
            return try result.rows.map { row in try row.map { cell in try cell.decode(String?.self) } }
        }

        /// Waits for `future` at most `timeout`; past it, `onTimeout` runs (closing the connection fails the future).
        static func wait<T: Sendable>(_ future: EventLoopFuture<T>, timeout: Duration, onTimeout: () -> Void = {}) throws -> T {
            let done = DispatchSemaphore(value: 0)
            let box = Outcome<T>()
            future.whenComplete { result in
                box.value.withLock { $0 = result }
                done.signal()
            }
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            if done.wait(timeout: .now() + seconds) == .timedOut {
                onTimeout()
                throw TimedOut(after: timeout)
            }
            return try box.value.withLock { $0! }.get()
        }

        private final class Outcome<T: Sendable>: Sendable {
            let value = Mutex<Result<T, any Error>?>(nil)
        }
    }
}

/// A value bound to a statement: text (cast in SQL where a number is meant), a 64-bit integer, a
/// flag, or NULL.
enum PostgresBindable: Sendable {
    case text(String)
    case int(Int64)
    case bool(Bool)
    case null

    func append(to bindings: inout PostgresBindings) {
        switch self {
        case .text(let value): bindings.append(value)
        case .int(let value): bindings.append(value)
        case .bool(let value): bindings.append(value)
        case .null: bindings.appendNull()
        }
    }
}
