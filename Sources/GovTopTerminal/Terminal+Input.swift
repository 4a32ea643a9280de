import CNcursesw
import Glibc
import GovTopUI

extension Terminal {
    /// How long the parser may hold a lone Esc, a partial sequence and an unfinished paste before
    /// `flush`: a lone Esc is the Esc key after the escape delay; the rest of a sequence split
    /// by a slow link gets longer, and a paste longer still.
    func flushDelay(for pending: InputParser.Pending) -> UInt64 {
        switch pending {
        case .escape: UInt64(escapeDelayMilliseconds) * 1_000_000
        case .sequence: max(UInt64(escapeDelayMilliseconds), 100) * 1_000_000
        case .paste: 500_000_000
        }
    }

    /// Waits up to `timeoutMilliseconds` for input (in `poll`, no busy loop) and returns what it
    /// completed: keys, pastes, mouse reports, and `.key(.resize)` when the terminal changed size
    /// (read the new `size`). Empty when the time ran out or a signal interrupted the wait.
    ///
    /// stdin is read raw with `read(2)` and fed to an `InputParser`, whatever `TERM` says; ncurses
    /// only draws. A lone Esc waits `escapeDelayMilliseconds` for the rest of a sequence.
    public func readEvents(timeoutMilliseconds: Int32) -> [InputEvent] {
        guard isActive else { return [] }
        var wait = max(0, timeoutMilliseconds)
        if let pending = parser.pending {
            let deadline = lastInputAt &+ flushDelay(for: pending)
            let now = Terminal.monotonicNow()
            wait = deadline > now ? min(wait, Int32(clamping: (deadline - now + 999_999) / 1_000_000)) : 0
        }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: resizeSignal.readEnd, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, nfds_t(descriptors.count), wait)
        var events: [InputEvent] = []
        if ready > 0, descriptors[0].revents != 0 { readAvailable(into: &events) }
        if resizeSignal.take() {
            applyResize()
            events.append(.key(.resize))
        }
        if let pending = parser.pending, Terminal.monotonicNow() >= lastInputAt &+ flushDelay(for: pending) {
            events += parser.flush()
        }
        return events
    }

    /// Reads what stdin has (up to `maxReadBytes` per call) without blocking, into the parser.
    private func readAvailable(into events: inout [InputEvent]) {
        var buffer = [UInt8](repeating: 0, count: 4_096)
        var total = 0
        while total < Terminal.maxReadBytes {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count == 0 {
                inputClosed = true
                return
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN { inputClosed = true }
                return
            }
            total += count
            lastInputAt = Terminal.monotonicNow()
            events += parser.feed(buffer[0..<count])
            guard count == buffer.count else { return }
            var more = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&more, 1, 0) > 0 else { return }
        }
    }

    /// Tells ncurses the size the kernel now reports, and redraws everything next frame.
    private func applyResize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if govtop_window_size(&rows, &columns) == 0 { resizeterm(rows, columns) }
        invalidate()
    }

    static func monotonicNow() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
