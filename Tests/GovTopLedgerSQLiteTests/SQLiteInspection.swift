import GRDB

/// Reads a ledger file the way a person with `sqlite3` would, for assertions.
enum SQLiteInspection {
    static func rows(_ path: String, _ sql: String) throws -> [[String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                (0..<row.count).map { index in
                    let value: DatabaseValue = row[index]
                    switch value.storage {
                    case .null: return "NULL"
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    case .blob(let data): return "blob(\(data.count))"
                    }
                }
            }
        }
    }
}
