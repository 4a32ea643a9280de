import ArgumentParser
import Foundation
import GovTopCore
import GovTopLedgerSQLite

/// Where this run keeps its ledger of record.
enum LedgerChoice: Sendable {
    /// In memory: `--ephemeral`, `--demo` without `--state`, and every test that does not ask for a directory.
    case memory(historyDays: Int)
    /// In `ledger.sqlite` in a state directory.
    case directory(String, historyDays: Int)
    /// Shared by a fleet in PostgreSQL: `--ledger postgres://…` or `ledger:` in the configuration.
    case postgres(String, historyDays: Int)

    static let inMemory = LedgerChoice.memory(historyDays: 400)

    var historyDays: Int {
        switch self {
        case .memory(let days), .directory(_, let days), .postgres(_, let days): days
        }
    }

    /// Exit statuses for state govtop will not use (sysexits.h), so scripts can tell them apart.
    static func exitCode(_ kind: LedgerStoreError.Kind) -> Int32 {
        switch kind {
        case .corrupt: 65 // EX_DATAERR
        case .newerSchema: 69 // EX_UNAVAILABLE
        case .readOnly: 73 // EX_CANTCREAT
        case .locked: 75 // EX_TEMPFAIL: try again when the other govtop has stopped
        case .write, .other: 74 // EX_IOERR
        }
    }

    /// Runs `body`; a state error is printed as `govtop: <message>` and ends the process with its exit status.
    static func exitingOnStateErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as LedgerStoreError {
            FileHandle.standardError.write(Data("govtop: \(error.description)\n".utf8))
            throw ExitCode(exitCode(error.kind))
        }
    }
}
