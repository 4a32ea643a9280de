import Foundation
import GovTopCore
#if canImport(Glibc)
import Glibc
#endif

/// govtop's state directory, held for the life of the process: created if missing (0700), checked
/// for writing, and locked with `flock` on `govtop.lock` so a second govtop on it refuses at once.
/// The lock goes with the process (also on `kill -9`): there is never a stale lock to remove.
public final class StateDirectory: Sendable {
    public let path: String
    private let lockDescriptor: Int32

    public static let lockFileName = "govtop.lock"
    public static let ledgerFileName = "ledger.sqlite"

    /// `$XDG_STATE_HOME/govtop`, else `$HOME/.local/state/govtop`.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/govtop" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/state/govtop" }
        return nil
    }

    public var ledgerPath: String { path + "/" + Self.ledgerFileName }

    /// Creates (if needed), checks and locks the directory.
    public init(path: String) throws(LedgerStoreError) {
        let advice = "choose another directory with --state DIR, or run without state with --ephemeral"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw LedgerStoreError(.other, "the state directory \(path) is a file, not a directory: \(advice)")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw LedgerStoreError(.readOnly, "cannot create the state directory \(path) (\(Self.reason(error))): \(advice)")
            }
        }
        guard access(path, W_OK | X_OK) == 0 else {
            throw LedgerStoreError(.readOnly, "the state directory \(path) is read-only (\(String(cString: strerror(errno)))): "
                                       + "govtop keeps its ledger there; make it writable, \(advice)")
        }
        let ledger = path + "/" + Self.ledgerFileName
        if FileManager.default.fileExists(atPath: ledger), access(ledger, R_OK | W_OK) != 0 {
            throw LedgerStoreError(.readOnly, "the ledger \(ledger) cannot be read and written (\(String(cString: strerror(errno)))): "
                                       + "make it writable, \(advice)")
        }
        let lockPath = path + "/" + Self.lockFileName
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw LedgerStoreError(.readOnly, "cannot open the lock file \(lockPath) (\(String(cString: strerror(errno)))): \(advice)")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: lockPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            let who = holder.flatMap { $0.isEmpty ? nil : " (process \($0))" } ?? ""
            throw LedgerStoreError(.locked, "another govtop\(who) is using the state directory \(path) (it holds \(lockPath)): "
                                       + "stop it, or give this one another directory with --state DIR, or --ephemeral")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.path = path
        self.lockDescriptor = descriptor
    }

    deinit {
        close(lockDescriptor)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
