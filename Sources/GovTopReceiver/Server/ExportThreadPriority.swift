import Glibc

/// Export work (decompress, decode, ingest) runs at a lower scheduling priority than the event
/// loops, the API and the dashboard. On a busy machine the latency-critical work then wins the
/// cores: a gateway's `GET /api/v1/decision` and the dashboard's frame are not queued behind a
/// running ingest (on 2 cores an export worker that keeps a core busy otherwise puts 3-4 ms, a
/// scheduler slice, into the decision endpoint's p99), while ingest still gets every cycle nobody
/// else wants. Linux keeps the nice value per thread, so only the export pool's threads change.
enum ExportThreadPriority {
    /// How much nicer than the process the export workers run (nice +10: a tenth of the CPU share
    /// of a nice-0 thread when both are runnable).
    static let niceness: Int32 = 10

    private static let which = __priority_which_t(PRIO_PROCESS.rawValue)
    /// The nice value the workers were created with (they inherit it), read before any is lowered.
    private static let base: Int32 = getpriority(which, 0)

    /// Lowers the calling thread's priority (idempotent: the value is absolute). A failure leaves the
    /// thread as it was, which only costs latency.
    static func lowerCurrentThread() {
        _ = setpriority(which, 0, min(19, base + niceness))
    }
}
