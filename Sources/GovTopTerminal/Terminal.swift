import CNcursesw
import Glibc
import GovTopUI

/// The screen while govtop's dashboard owns it: the only code that calls ncurses.
///
/// Not `Sendable`: ncurses keeps global state and must be driven from one thread. `start` takes
/// over the terminal; `stop` (also run by `deinit`) gives it back exactly as it was, and must be
/// reached on every way out: quit keys, SIGINT/SIGTERM/SIGHUP (see `terminationSignal`) and
/// errors (`defer`); crash signals restore the screen too (`CrashSignals`). While it is active
/// nothing may write to stdout or stderr.
public final class Terminal {
    /// Whether the locale's character set is UTF-8; when not, views draw with ASCII and any other
    /// character that reaches `draw` is shown as "?".
    public let isUTF8: Bool
    /// The colour depth themes are resolved to.
    public var colorDepth: ColorDepth { colorMode.depth }
    public private(set) var isActive = true

    /// Whether mouse reports were asked for (they arrive as `.mouse` events).
    public let mouseEnabled: Bool
    /// stdin reached its end or failed: the terminal is gone and the loop should stop.
    public internal(set) var inputClosed = false

    let colorMode: ColorMode
    var pairs: ColorPairs
    /// The last canvas drawn and how, so unchanged cells are not handed to ncurses again.
    var shown: ShownFrame?
    /// Bytes read from stdin become events here; it holds a lone Esc or a split sequence between reads.
    var parser = InputParser()
    /// When the last byte arrived (monotonic nanoseconds), for the parser's flush.
    var lastInputAt: UInt64 = 0
    let escapeDelayMilliseconds: Int32
    var resizeSignal: ResizeSignal
    /// stdin reads at most this much per `readEvents`, so a flood cannot hold up the frame.
    static let maxReadBytes = 64 * 1_024
    private var signals: TerminationSignals
    /// Ctrl-Z switches the reporting modes off while govtop is stopped.
    private var suspendSignal: SuspendSignal
    private let screen: OpaquePointer

    /// Takes over the terminal: locale, curses mode, colours, bracketed paste and (with `mouse`)
    /// mouse reports. Fails when stdin or stdout is not a terminal or the terminal type is
    /// unknown, with the terminal untouched.
    public static func start(environment: [String: String], escapeDelayMilliseconds: Int32 = 25,
                             mouse: Bool = true) throws(TerminalError) -> Terminal {
        try requireTerminal()
        setlocale(LC_ALL, "")
        let codeset = govtop_codeset().map { String(cString: $0) } ?? ""
        let isUTF8 = codeset.uppercased().filter { $0 != "-" && $0 != "_" } == "UTF8"
        let signals = TerminationSignals()
        let resizeSignal = ResizeSignal()
        let term = environment["TERM"] ?? ""
        guard let screen = govtop_newterm() else {
            var signals = signals
            signals.restore()
            var resizeSignal = resizeSignal
            resizeSignal.restore()
            throw TerminalError("cannot use the terminal type \"\(term)\" (TERM); set TERM to one your system knows, such as xterm-256color, or run with --headless")
        }
        set_term(screen)
        guard govtop_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            var signals = signals
            signals.restore()
            var resizeSignal = resizeSignal
            resizeSignal.restore()
            throw TerminalError("the terminal type \"\(term)\" (TERM) cannot move the cursor; use a full-screen terminal, or run with --headless")
        }
        CrashSignals.install()
        return Terminal(screen: screen, isUTF8: isUTF8, environment: environment, escapeDelay: escapeDelayMilliseconds,
                        mouse: mouse, signals: signals, resizeSignal: resizeSignal)
    }

    /// Fails unless stdin and stdout are a terminal, so callers can check before starting work.
    public static func requireTerminal() throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError("the dashboard needs a terminal on stdin and stdout; run with --headless to serve without one")
        }
    }

    /// Keys are read raw (`readEvents`), not through ncurses: keypad mode stays off, so ncurses
    /// neither translates keys by the terminfo entry nor switches the terminal's keypad mode.
    private init(screen: OpaquePointer, isUTF8: Bool, environment: [String: String], escapeDelay: Int32, mouse: Bool,
                 signals: consuming TerminationSignals, resizeSignal: consuming ResizeSignal) {
        self.screen = screen
        self.isUTF8 = isUTF8
        self.signals = signals
        self.resizeSignal = resizeSignal
        self.mouseEnabled = mouse
        suspendSignal = SuspendSignal(mouse: mouse)
        escapeDelayMilliseconds = max(0, escapeDelay)
        cbreak()
        noecho()
        nonl()
        keypad(govtop_stdscr(), false)
        curs_set(0)
        Terminal.deliverInterruptAsKey()
        TerminalModes.write(TerminalModes.on(mouse: mouse))
        var defaultColors = false
        if has_colors() {
            start_color()
            defaultColors = use_default_colors() == govtop_ok()
        }
        colorMode = ColorMode.decide(
            environment: environment, terminalColors: Int(govtop_colors()), hasColors: has_colors(),
            direct: govtop_direct_color() != 0, canChangeColor: can_change_color(), defaultColors: defaultColors)
        pairs = ColorPairs(mode: colorMode, colorPairs: Int(govtop_color_pairs()))
    }

    deinit {
        stop()
    }

    /// The screen's size in columns and rows, as of the last resize.
    public var size: (width: Int, height: Int) {
        (Int(govtop_cols()), Int(govtop_lines()))
    }

    /// SIGINT, SIGTERM or SIGHUP arrived: the loop should stop (and then call `stop`).
    public var terminationSignal: String? {
        signals.received.map(TerminationSignals.name(of:))
    }

    /// Gives the terminal back: normal mode, cursor shown, colours and palette restored, and the
    /// signal handlers that were there before. Safe to call more than once.
    public func stop() {
        guard isActive else { return }
        isActive = false
        suspendSignal.restore()
        TerminalModes.write(TerminalModes.off)
        curs_set(1)
        endwin()
        delscreen(screen)
        CrashSignals.remove()
        signals.restore()
        resizeSignal.restore()
    }

    /// Ctrl-C arrives as the key `.ctrl("c")` rather than SIGINT: the terminal's interrupt
    /// character is switched off in the mode ncurses restores after a suspend, while Ctrl-Z still
    /// suspends. A SIGINT sent by `kill` still stops govtop through `terminationSignal`.
    private static func deliverInterruptAsKey() {
        guard govtop_disable_interrupt_character() == 0 else { return }
        def_prog_mode()
    }
}
