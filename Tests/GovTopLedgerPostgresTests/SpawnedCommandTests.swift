import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The commands the PostgreSQL test server runs (initdb, pg_ctl and the server it leaves running,
/// psql) get none of this process's descriptors: SwiftNIO opens its sockets without close-on-exec,
/// and a copy held by the long-lived server kept other tests' connections from ever closing.
struct SpawnedCommandTests {
    @Test func aCommandHoldsNoneOfTheTestProcesssSockets() throws {
        let held = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) // no SOCK_CLOEXEC, as SwiftNIO's
        try #require(held >= 0)
        defer { close(held) }
        var status = stat()
        try #require(fstat(held, &status) == 0)
        let listing = try PostgresTestServer.run("/bin/ls", ["-l", "/proc/self/fd/"], asServerUser: false)
        #expect(listing.contains("0 -> /dev/null"), "\(listing)") // the child's own descriptors
        #expect(!listing.contains("socket:[\(status.st_ino)]"), "\(listing)")
    }
}
