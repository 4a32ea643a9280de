import ArgumentParser
import Foundation
import GovTopLedgerPostgres
import GovTopLedgerSQLite

/// Where govtop keeps its ledger of record (budgets, hourly totals, alerts): `--state DIR`, or the
/// default `$XDG_STATE_HOME/govtop` (else `~/.local/state/govtop`), or nowhere with `--ephemeral`.
struct StateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Directory for the ledger of record: budgets, hourly spend, alerts (default $XDG_STATE_HOME/govtop, else ~/.local/state/govtop).", valueName: "dir"))
    var state: String?

    @Flag(name: .long, help: "Keep no state on disk: budgets, totals and alerts start from zero and are lost at exit.")
    var ephemeral = false

    @Option(name: .long, help: ArgumentHelp("A ledger shared by a fleet of govtops in PostgreSQL: postgres://USER@HOST:PORT/DATABASE[?instance=NAME] (password in PGPASSWORD). Overrides ledger: in the configuration.", valueName: "url"))
    var ledger: String?

    @Option(name: .long, help: ArgumentHelp("Days of hourly history the ledger keeps (default 400).", valueName: "days"))
    var historyDays: Int = 400

    func validate() throws {
        if ephemeral, state != nil { throw ValidationError("--state and --ephemeral contradict each other: give one.") }
        if let state, state.isEmpty { throw ValidationError("--state needs a directory.") }
        if let ledger {
            if ephemeral || state != nil { throw ValidationError("--ledger and --state/--ephemeral contradict each other: give one.") }
            guard PostgresLedgerURL.isPostgres(ledger) else {
                throw ValidationError("--ledger takes a PostgreSQL URL such as postgres://govtop@db.internal:5432/govtop.")
            }
        }
        guard (1...36_500).contains(historyDays) else {
            throw ValidationError("--history-days must be from 1 to 36500, not \(historyDays).")
        }
    }

    /// The demo never touches a user's state: it runs in memory unless a directory is given.
    ///
    /// - Parameter configured: `ledger:` from the configuration file; `--state` and `--ephemeral` win over it.
    func choice(demo: Bool, environment: [String: String], configured: String? = nil) throws -> LedgerChoice {
        if let ledger { return .postgres(ledger, historyDays: historyDays) }
        if ephemeral { return .memory(historyDays: historyDays) }
        if let state { return .directory(Self.absolute(state), historyDays: historyDays) }
        if let configured { return .postgres(configured, historyDays: historyDays) }
        if demo { return .memory(historyDays: historyDays) }
        guard let path = StateDirectory.defaultPath(environment: environment) else {
            throw ValidationError("cannot tell where to keep state: neither XDG_STATE_HOME nor HOME is set. Give --state DIR or --ephemeral.")
        }
        return .directory(path, historyDays: historyDays)
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
