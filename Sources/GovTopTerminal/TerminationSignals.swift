import Glibc
import Synchronization

/// The last of SIGINT, SIGTERM or SIGHUP that arrived while the terminal was active; 0 for none.
/// The handlers only store here (an atomic store is async-signal-safe); the app loop polls it.
private let pendingSignal = Atomic<Int32>(0)

/// SIGINT, SIGTERM and SIGHUP turned into a flag while the dashboard owns the terminal, so the
/// loop can leave through its normal path and restore the screen. Installed before `initscr`, so
/// ncurses does not install its own handlers for them (it does for SIGTSTP and SIGWINCH, which is
/// what suspends and resizes cleanly).
struct TerminationSignals: ~Copyable {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var previous: [(Int32, sighandler_t?)] = []

    init() {
        pendingSignal.store(0, ordering: .relaxed)
        for number in Self.watched {
            let old = signal(number) { received in
                pendingSignal.store(received, ordering: .relaxed)
            }
            previous.append((number, old))
        }
    }

    /// The signal that asked govtop to stop, if any.
    var received: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Puts back the handlers that were there before.
    mutating func restore() {
        for (number, handler) in previous {
            signal(number, handler)
        }
        previous = []
    }

    /// The signal's name, for logs: "SIGINT".
    static func name(of number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
