import Glibc
import Synchronization

/// The write end of the resize pipe, for the handler; -1 while none is installed.
private let resizeWriteEnd = Atomic<Int32>(-1)
/// Set by the handler, cleared when the loop takes the resize.
private let resizePending = Atomic<Bool>(false)

/// SIGWINCH as a flag and a byte in a pipe, so a `poll` waiting for input wakes up when the
/// terminal changes size. Installed before `newterm`, so ncurses leaves SIGWINCH alone (it only
/// handles it inside `getch`, which govtop does not use); the terminal then calls `resizeterm`.
struct ResizeSignal: ~Copyable {
    /// Polled beside stdin.
    let readEnd: Int32
    private let writeEnd: Int32
    private var previous = sigaction()

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        } else {
            ends = [-1, -1]
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        resizePending.store(false, ordering: .relaxed)
        resizeWriteEnd.store(writeEnd, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            resizePending.store(true, ordering: .relaxed)
            let end = resizeWriteEnd.load(ordering: .relaxed)
            if end >= 0 {
                var byte: UInt8 = 1
                _ = write(end, &byte, 1)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_RESTART)
        sigaction(SIGWINCH, &action, &previous)
    }

    /// Whether the terminal changed size since the last call; empties the pipe.
    func take() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        while readEnd >= 0, read(readEnd, &buffer, buffer.count) > 0 {}
        return resizePending.exchange(false, ordering: .relaxed)
    }

    /// Puts the previous handler back and closes the pipe.
    mutating func restore() {
        sigaction(SIGWINCH, &previous, nil)
        resizeWriteEnd.store(-1, ordering: .relaxed)
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }
}
