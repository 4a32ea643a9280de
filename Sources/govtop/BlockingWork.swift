import Foundation

/// Runs work that blocks a thread (waiting for a writer thread to finish its last commit) on a
/// thread of its own, so an async caller never holds one of the few cooperative threads while it
/// waits: on a 2-core machine the pool has two.
enum BlockingWork {
    static func run(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                work()
                continuation.resume()
            }.start()
        }
    }
}
