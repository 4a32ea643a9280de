import Foundation
import GovTopCore

/// Where a shared ledger lives: `postgres://user[:password]@host[:port]/database[?instance=NAME]`
/// (`postgresql://` too). The password may come from `PGPASSWORD` instead of the URL. `instance`
/// names this govtop's own rows (its alert log); it defaults to the host name, so two govtops on one
/// host must each be given one.
public struct PostgresLedgerURL: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var instance: String

    /// Whether `text` asks for PostgreSQL at all (anything else is a state directory).
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(LedgerStoreError) {
        let shape = "give it as postgres://USER@HOST:PORT/DATABASE (password in PGPASSWORD or after USER:)"
        guard Self.isPostgres(text), let components = URLComponents(string: text) else {
            throw LedgerStoreError(.other, "the ledger URL is not a PostgreSQL URL: \(shape)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw LedgerStoreError(.other, "the ledger URL names no user: \(shape)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw LedgerStoreError(.other, "the ledger URL names no host: \(shape)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw LedgerStoreError(.other, "the ledger URL names no database: \(shape)")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw LedgerStoreError(.other, "the ledger URL's port \(port) is not 1-65535") }
        var instance = ProcessInfo.processInfo.hostName
        for item in components.queryItems ?? [] {
            switch item.name {
            case "instance":
                guard let value = item.value, !value.isEmpty, value.count <= 200,
                      value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }) else {
                    throw LedgerStoreError(.other, "the ledger URL's instance= must be 1-200 printable ASCII characters without spaces")
                }
                instance = value
            default:
                throw LedgerStoreError(.other, "the ledger URL has an unknown parameter \(ControlCharacters.replaced(in: item.name)): "
                                           + "only instance=NAME is read")
            }
        }
        self.user = user
        self.password = components.password ?? environment["PGPASSWORD"]
        self.host = host
        self.port = port
        self.database = database
        self.instance = instance
    }

    /// The URL without its password, for messages and the alert that names the ledger.
    public var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }
}
