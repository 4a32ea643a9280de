/// One entry of the configuration's `notifications:` list: where alerts go, which ones, and how
/// delivery retries. Validated when the configuration is read.
public struct NotificationSinkSettings: Sendable, Hashable {
    /// How a sink delivers.
    public enum Target: Sendable, Hashable {
        /// POSTs the notification as JSON.
        case webhook(NotificationURL)
        /// POSTs a Slack incoming-webhook message, `{"text": …}`.
        case slack(NotificationURL)
        /// Runs a program (no shell) with the notification's JSON on standard input.
        case command([String])

        /// `webhook`, `slack` or `command`.
        public var kind: String {
            switch self {
            case .webhook: "webhook"
            case .slack: "slack"
            case .command: "command"
            }
        }

        /// What the API shows: the masked URL, or the program and its arguments.
        public var shown: String {
            switch self {
            case .webhook(let url), .slack(let url): url.masked
            case .command(let argv): ControlCharacters.replaced(in: argv.joined(separator: " "))
            }
        }
    }

    /// Unique among the sinks; the API and the failure alert name the sink by it.
    public var name: String
    public var target: Target
    /// Alerts below this severity are not sent (their resolutions neither).
    public var minSeverity: AlertSeverity
    /// The alert kinds wanted; empty for all.
    public var kinds: Set<AlertKind>
    /// The same alert is sent again (at the same or a lower severity) only this long after it was
    /// last sent while it kept firing; 0 for never again until it resolves. A higher severity is
    /// always sent at once.
    public var repeatAfterSeconds: Double
    /// Whether a resolution is sent for an alert this sink was told about.
    public var sendResolved: Bool
    /// One attempt's limit: connect and answer (HTTP), or the program's run time (command).
    public var timeoutSeconds: Double
    /// Attempts per notification, the first included, before it is given up (counted as failed).
    public var maxAttempts: Int
    /// The wait after the first failed attempt; it doubles after each one, up to `maxBackoffSeconds`.
    public var backoffSeconds: Double
    public var maxBackoffSeconds: Double
    /// Notifications waiting for this sink at most; a full queue drops its oldest (counted).
    public var queueCapacity: Int
    /// After this many failed attempts in a row a `notification_failure` alert is raised; it
    /// resolves when a delivery succeeds again.
    public var failureAlertAfter: Int

    public init(name: String, target: Target, minSeverity: AlertSeverity = .info, kinds: Set<AlertKind> = [],
                repeatAfterSeconds: Double = 0, sendResolved: Bool = true, timeoutSeconds: Double = 10, maxAttempts: Int = 5,
                backoffSeconds: Double = 1, maxBackoffSeconds: Double = 300, queueCapacity: Int = 256, failureAlertAfter: Int = 3) {
        self.name = name
        self.target = target
        self.minSeverity = minSeverity
        self.kinds = kinds
        self.repeatAfterSeconds = repeatAfterSeconds
        self.sendResolved = sendResolved
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = maxAttempts
        self.backoffSeconds = backoffSeconds
        self.maxBackoffSeconds = maxBackoffSeconds
        self.queueCapacity = queueCapacity
        self.failureAlertAfter = failureAlertAfter
    }
}
