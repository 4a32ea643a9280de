import Foundation
import GovTopCore
@testable import GovTopLedgerSQLite
import GRDB
import Testing

/// Bad state is refused with a message that says what and where, and is never changed.
@Suite struct LedgerBadStateTests {
    private static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aNewerSchemaIsRefusedAndLeftAsItIs() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
            try db.execute(sql: "INSERT INTO schema_version VALUES (?, 0)", arguments: [LedgerSchema.current + 1])
        }
        try queue.close()
        let before = Self.bytes(path)
        let error = #expect(throws: LedgerStoreError.self) { try SQLiteLedgerStore(path: path, now: 0) }
        #expect(error?.kind == .newerSchema)
        #expect(error?.description.contains("newer govtop") == true)
        #expect(error?.description.contains(path) == true)
        #expect(Self.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test(arguments: [
        Data("this is not a database, it is a shopping list\n".utf8),
        Data("SQLite format 3\u{0}".utf8) + Data(repeating: 0xA5, count: 8192),
    ])
    func aCorruptFileIsReportedByPathAndLeftAsItIs(_ contents: Data) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        _ = FileManager.default.createFile(atPath: path, contents: contents)
        let error = #expect(throws: LedgerStoreError.self) { try SQLiteLedgerStore(path: path, now: 0) }
        #expect(error?.kind == .corrupt)
        #expect(error?.description.contains(path) == true)
        #expect(Self.bytes(path) == contents)
    }

    @Test func damagedPagesInsideARealLedgerAreReported() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("ledger.sqlite")
        do {
            let store = try SQLiteLedgerStore(path: path, now: 0)
            var amounts = Totals()
            amounts.requests = 1
            let buckets = (0..<400).map {
                LedgerBucketDelta(key: LedgerBucketKey(series: LedgerSeries(dimension: .team, key: "team-\($0)"), hourStart: 0), amounts: amounts)
            }
            try store.commit(LedgerCommit(buckets: buckets, pricingID: "p"))
        }
        // Fold the WAL into the file, then overwrite a page in the middle.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
        var contents = try #require(Self.bytes(path))
        let page = 4096 * 3
        try #require(contents.count > page + 4096)
        contents.replaceSubrange(page..<(page + 4096), with: Data(repeating: 0x5A, count: 4096))
        _ = FileManager.default.createFile(atPath: path, contents: contents)
        let error = #expect(throws: LedgerStoreError.self) { try SQLiteLedgerStore(path: path, now: 0) }
        #expect(error?.kind == .corrupt)
        #expect(Self.bytes(path) == contents)
    }

    @Test func aSecondHolderOfTheStateDirectoryIsRefused() throws {
        let directory = TemporaryDirectory()
        let first = try StateDirectory(path: directory.path)
        let error = #expect(throws: LedgerStoreError.self) { try StateDirectory(path: directory.path) }
        #expect(error?.kind == .locked)
        #expect(error?.description.contains("another govtop (process \(getpid()))") == true)
        _ = first
    }

    @Test func theLockGoesWithItsHolder() throws {
        let directory = TemporaryDirectory()
        do { _ = try StateDirectory(path: directory.path) }
        _ = try StateDirectory(path: directory.path)
    }

    @Test func aFileWhereTheDirectoryShouldBeIsReported() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("state")
        _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
        let error = #expect(throws: LedgerStoreError.self) { try StateDirectory(path: path) }
        #expect(error?.description.contains("is a file, not a directory") == true)
    }

    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(StateDirectory.defaultPath(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]) == "/x/state/govtop")
        #expect(StateDirectory.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/state/govtop")
        #expect(StateDirectory.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/govtop")
        #expect(StateDirectory.defaultPath(environment: [:]) == nil)
    }
}
