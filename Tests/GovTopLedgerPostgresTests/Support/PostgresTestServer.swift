import Foundation
import GovTopLedgerPostgres
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real PostgreSQL server for the store tests: a temporary cluster (`initdb`, `pg_ctl`) on a free
/// loopback port, started once per test process and stopped when it exits. PostgreSQL refuses to run
/// as root, so under root (CI) the cluster belongs to the unprivileged user `govtop-pg` (.ci/run
/// creates it) and its commands run through `runuser`. Each test gets a database of its own.
///
/// Absent binaries skip the tests (`isAvailable`) unless `GOVTOP_REQUIRE_POSTGRES=1` (CI), where
/// `PostgresRequirementTests` fails instead.
final class PostgresTestServer: Sendable {
    static let user = "govtop"
    static let systemUser = "govtop-pg"
    let port: Int
    let directory: String
    let binaries: String

    /// The binaries' folder: the newest /usr/lib/postgresql/*/bin with initdb, pg_ctl and psql.
    static let binaryFolder: String? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        return versions.map { "\(root)/\($0)/bin" }.first { folder in
            ["initdb", "pg_ctl", "psql"].allSatisfy { FileManager.default.isExecutableFile(atPath: "\(folder)/\($0)") }
        }
    }()

    /// Off unless GOVTOP_POSTGRES_TESTS=1 (.ci/run sets it): the tests start a server cluster, and
    /// under root they need the system user `govtop-pg`, which a developer's machine may not have.
    static var isAvailable: Bool { binaryFolder != nil && ProcessInfo.processInfo.environment["GOVTOP_POSTGRES_TESTS"] == "1" }
    static var isRequired: Bool { ProcessInfo.processInfo.environment["GOVTOP_REQUIRE_POSTGRES"] == "1" }
    static let skipReason: Comment = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql"

    /// The process's server, started on first use; nil when PostgreSQL is absent or did not start.
    static let shared: Result<PostgresTestServer, TestServerError> = {
        guard let folder = binaryFolder else { return .failure(TestServerError(message: skipReason.description)) }
        do {
            let server = try PostgresTestServer(binaries: folder)
            PostgresTestServerExit.register(server)
            return .success(server)
        } catch let error as TestServerError {
            return .failure(error)
        } catch {
            return .failure(TestServerError(message: "\(error)"))
        }
    }()

    struct TestServerError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    private static var isRoot: Bool { getuid() == 0 }

    private init(binaries: String) throws {
        self.binaries = binaries
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-pg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        if Self.isRoot {
            try Self.run("/usr/bin/chown", [Self.systemUser + ":", directory], asServerUser: false)
        }
        port = Self.freePort()
        try Self.run("\(binaries)/initdb", ["-D", "\(directory)/data", "-U", Self.user, "--auth=trust", "-E", "UTF8", "--no-sync"])
        try Self.run("\(binaries)/pg_ctl", ["-D", "\(directory)/data", "-l", "\(directory)/server.log", "-w", "-t", "120", "-o",
                                            "-p \(port) -k \(directory) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                                            "start"])
    }

    /// A new, empty database; returns its URL for the store.
    /// Instances "a" and "b" of a fleet on one new database, each made by `make` from its URL;
    /// `url` is instance a's.
    func twoInstances<Instance>(_ make: (PostgresLedgerURL) throws -> Instance) throws -> (a: Instance, b: Instance, url: PostgresLedgerURL) {
        let url = try makeDatabase(instance: "a")
        let a = try make(url)
        var other = url
        other.instance = "b"
        return (a, try make(other), url)
    }

    func makeDatabase(instance: String = "test") throws -> PostgresLedgerURL {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Self.run("\(binaries)/psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                                          "-q", "-c", "CREATE DATABASE \(name)"], asServerUser: false)
        return try PostgresLedgerURL("postgres://\(Self.user)@127.0.0.1:\(port)/\(name)?instance=\(instance)", environment: [:])
    }

    /// Runs SQL in a database (as the test's hand on the server, outside the store).
    func sql(_ statement: String, database: String) throws -> String {
        try Self.run("\(binaries)/psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, "-d", database, "-v", "ON_ERROR_STOP=1",
                                          "-qAt", "-c", statement], asServerUser: false)
    }

    func stop() {
        _ = try? Self.run("\(binaries)/pg_ctl", ["-D", "\(directory)/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs a command to its end and returns its output. Spawned and reaped here (posix_spawn, then
    /// waitpid) rather than through Foundation's `Process`: its `waitUntilExit` never saw `runuser`
    /// exit after `pg_ctl start`: the child sat as an unreaped zombie and the test process hung in
    /// `waitUntilExit` (seen with gdb; Foundation's own exit monitoring never fired). Output goes to a
    /// file, not a pipe: the server pg_ctl starts would hold a pipe open and a read would never end.
    ///
    /// The child gets no descriptor of this process beyond its standard three. SwiftNIO opens its
    /// sockets without close-on-exec, and the server `pg_ctl start` leaves running held every socket
    /// the other tests had open at that moment for the rest of the run: a server's close then never
    /// reached its client (no FIN while a copy stays open), which made the connection-deadline and
    /// hanging-sink tests fail about once in four full runs (found with `LoopbackPortReport`: the
    /// connection's event loops idle, its bytes unread, the socket held by no descriptor of ours).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], asServerUser: Bool = true) throws -> String {
        // From "/", which the server's user can read (pg_ctl and initdb complain about an unreadable one).
        let command = asServerUser && isRoot ? ["/usr/sbin/runuser", "-u", systemUser, "--", executable] + arguments
                                             : [executable] + arguments
        let argv = ["/usr/bin/env", "-C", "/"] + command
        let outputPath = NSTemporaryDirectory() + "govtop-pg-output-\(UUID().uuidString)"
        let output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw TestServerError(message: "cannot create \(outputPath): errno \(errno)") }
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        guard Self.addCloseFrom(&actions, 3) == 0 else {
            throw TestServerError(message: "posix_spawn_file_actions_addclosefrom_np failed")
        }
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        close(output)
        guard spawned == 0 else { throw TestServerError(message: "cannot start \(argv[0]): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw TestServerError(message: "waiting for \(argv[0]) failed: errno \(errno)") }
        }
        let text = String(decoding: FileManager.default.contents(atPath: outputPath) ?? Data(), as: UTF8.self)
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : -(status & 0x7f)
        guard code == 0 else {
            throw TestServerError(message: "\(executable) \(arguments.joined(separator: " ")) failed (\(code)): \(text)")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 on), which Swift's Glibc module does
    /// not declare.
    private static let addCloseFrom: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32 = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else {
            fatalError("glibc has no posix_spawn_file_actions_addclosefrom_np (needs glibc 2.34 or later)")
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    private static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Stops the shared server when the test process exits (Swift Testing has no global tear-down).
enum PostgresTestServerExit {
    nonisolated(unsafe) private static var server: PostgresTestServer?

    static func register(_ server: PostgresTestServer) {
        self.server = server
        atexit { PostgresTestServerExit.server?.stop() }
    }
}
