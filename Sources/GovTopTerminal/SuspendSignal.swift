import Glibc
import Synchronization

/// ncurses' own SIGTSTP handler, wrapped; written only while installing and removing (on the UI
/// thread), read by the handler.
nonisolated(unsafe) private var cursesSuspend = sigaction()
/// Whether the reporting modes switched back on after a suspend include the mouse.
private let suspendMouse = Atomic<Bool>(false)

/// Ctrl-Z (SIGTSTP) with govtop's own reporting modes handled too. ncurses suspends cleanly (it
/// leaves curses mode, stops, and redraws on `fg`) but knows nothing of mouse reports and
/// bracketed paste, so the shell would get mouse reports as garbage while govtop is stopped. The
/// wrapper switches them off, runs ncurses' handler (which returns once the process continues)
/// and switches them on again. Installed after `newterm`, over the handler ncurses put there; when
/// ncurses put none (job control off, or SIGTSTP ignored), nothing changes.
struct SuspendSignal: ~Copyable {
    private var installed = false

    init(mouse: Bool) {
        var current = sigaction()
        sigaction(SIGTSTP, nil, &current)
        let handler = unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self)
        guard handler != unsafeBitCast(SIG_DFL, to: Int.self), handler != unsafeBitCast(SIG_IGN, to: Int.self),
              current.sa_flags & Int32(SA_SIGINFO) == 0 else { return }
        cursesSuspend = current
        suspendMouse.store(mouse, ordering: .relaxed)
        var wrapper = current
        wrapper.__sigaction_handler.sa_handler = { received in
            TerminalModes.write(TerminalModes.off)
            cursesSuspend.__sigaction_handler.sa_handler?(received)
            TerminalModes.write(TerminalModes.on(mouse: suspendMouse.load(ordering: .relaxed)))
        }
        sigaction(SIGTSTP, &wrapper, nil)
        installed = true
    }

    /// Puts ncurses' handler back (before `endwin`, which leaves it to ncurses again).
    mutating func restore() {
        guard installed else { return }
        sigaction(SIGTSTP, &cursesSuspend, nil)
        installed = false
    }
}
