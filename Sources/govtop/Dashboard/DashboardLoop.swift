import GovTopConfig
import GovTopCore
import GovTopTerminal
import GovTopTheme
import GovTopUI

/// The dashboard's main loop, on the main thread (the only one that touches the terminal).
///
/// Each turn: take a snapshot of the engine when one is due (every `snapshotInterval` unless
/// paused, and right after keys), build the navigation context from it, reconcile the state,
/// draw, then block in the terminal until a key arrives or the next snapshot is due. Keys that
/// arrive together are handled against the same context; their actions (open a trace, export,
/// copy, theme, ...) are carried out here.
@MainActor
final class DashboardLoop {
    /// Snapshots are taken at most this often while nothing is pressed.
    static let snapshotInterval: UInt64 = 250_000_000
    /// How long a notice stays in the footer.
    static let noticeLifetime: UInt64 = 6_000_000_000
    /// The trace list asks for at least this many rows, so moving down does not run out at once.
    static let minimumTraceRows = 200

    /// The engine of this process, or attached govtops (`govtop attach`).
    let source: any DashboardSource
    let listenAddress: String
    let options: DashboardOptions
    let logger: FileLogger
    var state: NavigationState
    var themes: ThemeCycle
    var theme: Theme
    var frame: DashboardFrame
    var spanRate = SpanRateMeter()
    var lastBellRings: Int
    var lastSnapshotAt: UInt64 = 0
    /// The trace query of the last snapshot, to take a new one when it changes even while paused.
    var lastQuery: TraceQueryKey?
    var noticeExpires: UInt64?

    convenience init(service: GovTopService, options: DashboardOptions, logger: FileLogger) {
        let address = service.receiver.host == "127.0.0.1" || service.receiver.host == "localhost"
            ? ":\(service.port)" : "\(service.receiver.displayHost):\(service.port)"
        self.init(source: service.engine, listenAddress: address, options: options, logger: logger)
    }

    /// `listenAddress` is what the header names as where data comes in.
    init(source: any DashboardSource, listenAddress: String, options: DashboardOptions, logger: FileLogger) {
        self.source = source
        self.listenAddress = listenAddress
        self.options = options
        self.logger = logger
        themes = ThemeCycle(catalog: options.themes, initial: options.theme)
        theme = options.theme
        state = NavigationState(themeIndex: themes.startIndex)
        let snapshot = source.dashboard(DashboardRequest())
        lastBellRings = snapshot.bellRings
        frame = DashboardFrame(snapshot: snapshot, listenAddress: listenAddress, themeName: options.theme.name,
                               utcOffsetSeconds: options.utcOffsetSeconds)
    }

    /// Runs until quit or a termination signal; returns why it stopped. The terminal is restored
    /// on every way out, errors included.
    func run() throws -> String {
        let terminal = try Terminal.start(environment: options.environment, mouse: options.mouse)
        defer { terminal.stop() }
        logger.log("dashboard started: \(terminal.size.width)x\(terminal.size.height), colours \(terminal.colorDepth), "
            + (terminal.isUTF8 ? "UTF-8" : "ASCII drawing") + (options.mouse ? ", mouse on" : ", mouse off"))
        var snapshotWanted = true
        var clicks = ClickCounter()
        while true {
            if let signal = terminal.terminationSignal { return "\(signal) received" }
            if terminal.inputClosed { return "the terminal's input closed" }
            let size = terminal.size
            let now = MonotonicClock.now()
            if refresh(size: size, now: now, wanted: snapshotWanted) { terminal.bell() }
            snapshotWanted = false
            expireNotice(now: now)
            let context = navigationContext(size: size)
            state.reconcile(with: context)
            terminal.draw(render(size: size, ascii: !terminal.isUTF8), theme: theme)
            let events = terminal.readEvents(timeoutMilliseconds: waitMilliseconds(now: MonotonicClock.now()))
            guard !events.isEmpty else { continue }
            for event in events {
                let actions: [NavigationAction]
                switch event {
                case .key(let key):
                    actions = state.handle(key, context: context)
                case .paste(let text):
                    actions = state.handlePaste(text, context: context)
                case .mouse(let mouse):
                    // Hit-tested against the layout of the frame on screen with the state as it is now
                    // (what is on screen unless an earlier event of this batch changed it).
                    let hits = DashboardLayout(width: size.width, height: size.height, state: state, frame: frame).hitMap(state: state)
                    let count = clicks.count(mouse, at: MonotonicClock.now())
                    guard let action = MouseAction(mouse, clickCount: count, hits: hits) else { continue }
                    actions = state.handle(action, context: context)
                }
                for action in actions where perform(action, terminal: terminal) == .stop { return "quit" }
            }
            snapshotWanted = true
        }
    }

    /// How long to wait for a key: until the next snapshot is due, or a second while paused.
    private func waitMilliseconds(now: UInt64) -> Int32 {
        guard !state.paused else { return 1_000 }
        let due = lastSnapshotAt &+ Self.snapshotInterval
        guard due > now else { return 0 }
        return Int32(clamping: (due - now + 999_999) / 1_000_000)
    }

    private func expireNotice(now: UInt64) {
        if let expires = noticeExpires, now >= expires {
            frame.notice = nil
            noticeExpires = nil
        }
    }

    /// Shows a short message in the footer for a while, and logs it.
    func notify(_ message: String) {
        frame.notice = message
        noticeExpires = MonotonicClock.now() &+ Self.noticeLifetime
        logger.log(message)
    }
}
