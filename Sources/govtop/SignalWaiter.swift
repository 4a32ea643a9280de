import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into an awaitable event. The handlers only resume a continuation;
/// all the work happens in ordinary code afterwards.
enum SignalWaiter {
    static func waitForTermination() async -> String {
        await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            for (number, name) in [(SIGINT, "SIGINT"), (SIGTERM, "SIGTERM")] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { once.resume(name) }
                source.resume()
                once.keep(source)
            }
        }
    }
}

/// Resumes a continuation at most once and keeps the signal sources alive meanwhile.
private final class ResumeOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<String, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    func resume(_ name: String) {
        let pending: CheckedContinuation<String, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        pending?.resume(returning: name)
    }
}
