/// What another program does to a ledger's database behind govtop's back (one SQL statement), the
/// column it leaves negative, and which of the store's reads meet it: the SQLite and PostgreSQL
/// ledgers' tests refuse the same tamperings.
public struct Tampering<Read: Hashable & Sendable>: Sendable, CustomStringConvertible {
    public var statement: String
    public var column: String
    public var refusedBy: Set<Read>

    public init(_ statement: String, column: String, refusedBy: Set<Read>) {
        self.statement = statement
        self.column = column
        self.refusedBy = refusedBy
    }

    public var description: String { column }

    /// Runs every read and returns, by read, the error of each one that threw.
    public static func failures<Failure: Error>(of reads: [Read], _ run: (Read) throws(Failure) -> Void) -> [Read: Failure] {
        var failures: [Read: Failure] = [:]
        for read in reads {
            do throws(Failure) { try run(read) } catch { failures[read] = error }
        }
        return failures
    }
}
