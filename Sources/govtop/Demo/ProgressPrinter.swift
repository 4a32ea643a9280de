import Foundation
import GovTopClient
import Synchronization

/// Writes the demo's progress line to stderr: redrawn in place on a terminal, one line per
/// `interval` otherwise (logs, CI).
final class ProgressPrinter: Sendable {
    private let duration: Double?
    private let interval: Double
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let lastPrinted = Mutex(-Double.infinity)

    init(duration: Double?, interval: Double) {
        self.duration = duration
        self.interval = interval
    }

    func show(_ progress: DemoProgress) {
        let line = "govtop demo: " + progress.line(duration: duration)
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            return
        }
        let due = lastPrinted.withLock { last in
            guard progress.elapsedSeconds - last >= interval else { return false }
            last = progress.elapsedSeconds
            return true
        }
        if due { StandardError.write(line) }
    }

    func finish(_ progress: DemoProgress) {
        let line = "govtop demo: done: " + progress.line(duration: duration)
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        StandardError.write(line)
    }
}
