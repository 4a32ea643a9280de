import GovTopCore

/// Reads `notifications:`, the alert sinks: `{kind: webhook|slack, url}` or `{kind: command, run: [argv]}`,
/// each with optional `name`, `min_severity`, `kinds`, `repeat_after`, `resolved`, `timeout`,
/// `retries`, `backoff`, `max_backoff`, `queue` and `failure_alert_after`. URLs must be http or https.
enum NotificationsSection {
    enum Expected {
        static let list = "a list of notification sinks"
        static let entry = "a mapping with a kind (webhook, slack or command) and its url or run"
        static let kind = "webhook, slack or command"
        static let url = "an http:// or https:// URL"
        static let run = "a list of a program and its arguments, such as [/usr/local/bin/page-oncall, --team, ml]"
        static let name = "a sink name"
        static let kinds = "a list of alert kinds: " + AlertKind.allCases.map(\.rawValue).joined(separator: ", ")
        static let repeatAfter = "a duration such as 30m or 24h (0 sends an alert again only after it resolved)"
        static let resolved = "true or false"
        static let timeout = "a duration from 1ms to 1h such as 10s"
        static let retries = "a whole number of retries from 0 to 100"
        static let backoff = "a duration from 1ms to 24h such as 1s"
        static let queue = "a whole number of notifications from 1 to 100000"
        static let failureAlertAfter = "a whole number of failed attempts from 1 to 1000"
    }

    static func read(_ node: ConfigNode) throws(ConfigError) -> [NotificationSinkSettings] {
        var sinks: [NotificationSinkSettings] = []
        var names: [String: ConfigNode] = [:]
        for (index, element) in try node.list(expected: Expected.list).enumerated() {
            let (sink, nameNode) = try entry(element, index: index)
            let at = nameNode ?? element
            if let earlier = names[sink.name] {
                throw at.duplicateName("sink", sink.name, earlier: earlier, owner: earlier.elementPath(within: node))
            }
            names[sink.name] = at
            sinks.append(sink)
        }
        return sinks
    }

    private static func entry(_ node: ConfigNode, index: Int) throws(ConfigError) -> (NotificationSinkSettings, ConfigNode?) {
        var kind: (text: String, node: ConfigNode)?
        var url: (value: NotificationURL, node: ConfigNode)?
        var run: (argv: [String], node: ConfigNode)?
        var name: (text: String, node: ConfigNode)?
        var sink = NotificationSinkSettings(name: "", target: .command(["true"]))
        for entry in try node.entries(expected: Expected.entry) {
            let value = entry.value
            switch entry.key {
            case "kind":
                let text = try value.text(expected: Expected.kind)
                guard ["webhook", "slack", "command"].contains(text) else {
                    throw value.expected(Expected.kind, suggestion: KeySuggestion.nearest(to: text, among: ["webhook", "slack", "command"]))
                }
                kind = (text, value)
            case "url":
                let text = try value.text(expected: Expected.url)
                do throws(NotificationURLError) {
                    url = (try NotificationURL(parsing: text), value)
                } catch {
                    throw value.error("\(value.shown) is not a usable sink URL: \(error.reason)")
                }
            case "run": run = (try value.strings(expected: Expected.run), value)
            case "name": name = (ControlCharacters.replaced(in: try value.text(expected: Expected.name)), value)
            case "min_severity": sink.minSeverity = try value.choice(AlertSeverity.self)
            case "kinds":
                sink.kinds = []
                for element in try value.list(expected: Expected.kinds) { sink.kinds.insert(try element.choice(AlertKind.self)) }
            case "repeat_after": sink.repeatAfterSeconds = try duration(value, expected: Expected.repeatAfter, in: 0...(366 * 86_400))
            case "resolved":
                switch try value.text(expected: Expected.resolved).lowercased() {
                case "true", "yes", "on": sink.sendResolved = true
                case "false", "no", "off": sink.sendResolved = false
                default: throw value.expected(Expected.resolved)
                }
            case "timeout": sink.timeoutSeconds = try duration(value, expected: Expected.timeout, in: 0.001...3600)
            case "retries": sink.maxAttempts = 1 + (try value.integer(expected: Expected.retries, in: 0...100))
            case "backoff": sink.backoffSeconds = try duration(value, expected: Expected.backoff, in: 0.001...86_400)
            case "max_backoff": sink.maxBackoffSeconds = try duration(value, expected: Expected.backoff, in: 0.001...86_400)
            case "queue": sink.queueCapacity = try value.integer(expected: Expected.queue, in: 1...100_000)
            case "failure_alert_after": sink.failureAlertAfter = try value.integer(expected: Expected.failureAlertAfter, in: 1...1000)
            default: throw entry.unknown(allowed: ConfigKeys.notification)
            }
        }
        guard let kind else { throw node.missing("kind", expected: Expected.kind) }
        switch kind.text {
        case "command":
            guard let run else { throw node.missing("run", expected: Expected.run) }
            if let url { throw url.node.error("a command sink takes run, not url") }
            sink.target = .command(run.argv)
        default:
            guard let url else { throw node.missing("url", expected: Expected.url) }
            if let run { throw run.node.error("a \(kind.text) sink takes url, not run") }
            sink.target = kind.text == "slack" ? .slack(url.value) : .webhook(url.value)
        }
        sink.name = name?.text ?? "\(kind.text)-\(index + 1)"
        return (sink, name?.node)
    }

    private static func duration(_ value: ConfigNode, expected what: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double {
        guard let seconds = DurationText.seconds(try value.text(expected: what)), range.contains(seconds) else {
            throw value.expected(what)
        }
        return seconds
    }
}
