import GovTopCore
import GovTopLedgerPostgres
import Testing

/// `--ledger` / `ledger:` URLs: what is read from them, and what is refused with a message.
struct PostgresLedgerURLTests {
    @Test func aFullURLIsRead() throws {
        let url = try PostgresLedgerURL("postgresql://govtop:pw@db.internal:6543/ledger?instance=edge-1", environment: [:])
        #expect(url.user == "govtop")
        #expect(url.password == "pw")
        #expect(url.host == "db.internal")
        #expect(url.port == 6543)
        #expect(url.database == "ledger")
        #expect(url.instance == "edge-1")
        #expect(url.description == "postgres://govtop@db.internal:6543/ledger")
    }

    @Test func thePasswordMayComeFromPGPASSWORDAndThePortDefaults() throws {
        let url = try PostgresLedgerURL("postgres://govtop@db/ledger", environment: ["PGPASSWORD": "from-env"])
        #expect(url.password == "from-env")
        #expect(url.port == 5432)
    }

    @Test(arguments: [
        ("postgres://db/ledger", "no user"),
        ("postgres://govtop@/ledger", "no host"),
        ("postgres://govtop@db", "no database"),
        ("postgres://govtop@db/ledger?sslmode=require", "unknown parameter sslmode"),
        ("postgres://govtop@db/ledger?instance=", "instance="),
        ("mysql://govtop@db/ledger", "not a PostgreSQL URL"),
    ])
    func aBadURLIsRefusedWithWhatIsWrong(text: String, message: String) {
        let error = #expect(throws: LedgerStoreError.self) { try PostgresLedgerURL(text, environment: [:]) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }
}
