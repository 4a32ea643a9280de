import Foundation

/// Runs blocking `work` (e.g. `Notifier.stop()`, which waits for the sinks' threads) on a thread of
/// its own and resumes when it has finished. Called directly from an async test it would hold one of
/// the task pool's threads (as many as cores: two here) while it waits, and a sink's delivery it waits
/// for needs that pool: two tests stopping notifiers at once starved every async test in the process.
public func offThePool(_ work: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
        Thread {
            work()
            finished.resume()
        }.start()
    }
}
