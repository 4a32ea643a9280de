import Foundation

/// Runs work that blocks a thread (waiting for a writer thread's last commit, for the notification
/// sinks' threads to stop) on a thread of its own and resumes when it has finished, so an async
/// caller never holds one of the few cooperative threads while it waits: the pool has as many as
/// cores, two here, and the work waited for may need that pool (two tests stopping notifiers at
/// once starved every async test in the process).
package enum BlockingWork {
    package static func run(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            Thread {
                work()
                finished.resume()
            }.start()
        }
    }
}
