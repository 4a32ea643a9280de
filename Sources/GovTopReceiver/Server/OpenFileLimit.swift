import Glibc

/// Every connection is a file descriptor. Linux starts a process with a soft limit of 1,024 open
/// files (kept low for `select()`, which govtop does not use: NIO polls with epoll) under a hard
/// limit that is usually far higher. Past the soft limit `accept` fails with EMFILE and NIO stops
/// accepting for a second, which locks every client out, the well-behaved ones too. So a server
/// raises the soft limit to the hard one when it starts (any process may), and refuses to start
/// when even the hard limit cannot hold its connection cap.
enum OpenFileLimit {
    /// Files a server keeps open besides its connections: its listening sockets, each event
    /// loop's epoll and wake-up descriptors, the ledger's database and journal, the log, a
    /// PostgreSQL connection, notification deliveries in flight.
    static let reserve = 128

    /// The open files a server with this connection cap needs.
    static func needed(maxConnections: Int) -> Int {
        maxConnections + reserve
    }

    /// Raises the soft limit to the hard one and returns the soft limit now in force; nil when the
    /// limit cannot be read. Idempotent, and safe from several threads (the limit is absolute).
    static func raiseToHardLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(resourceKind, &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resourceKind, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur >= rlim_t(Int.max) ? Int.max : Int(limit.rlim_cur)
    }

    private static let resourceKind = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
}
