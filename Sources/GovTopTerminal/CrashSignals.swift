import CNcursesw
import Glibc

/// The handlers that were installed before `CrashSignals.install`, one per signal in `numbers`.
/// Written only while installing and removing (on the UI thread), read by the handler.
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: CrashSignals.numbers.count)

/// Crash signals restore the screen (reporting modes off, `endwin`) and then run whatever handler was there before
/// (the Swift runtime's backtracer, or the default), so a crash never leaves the terminal in
/// curses mode. `endwin` is not async-signal-safe, but the process is going down either way.
enum CrashSignals {
    static let numbers: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    static func install() {
        for (index, number) in numbers.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                TerminalModes.write(TerminalModes.off)
                endwin()
                if let index = CrashSignals.numbers.firstIndex(of: received) {
                    sigaction(received, previousActions + index, nil)
                }
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_NODEFER)
            sigaction(number, &action, previousActions + index)
        }
    }

    static func remove() {
        for (index, number) in numbers.enumerated() {
            sigaction(number, previousActions + index, nil)
        }
    }
}
