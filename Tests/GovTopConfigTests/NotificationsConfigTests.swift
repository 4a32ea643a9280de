import GovTopCore
import Testing
@testable import GovTopConfig

/// `notifications:`: the sinks, their filters and delivery settings, and errors that name the key.
@Suite struct NotificationsConfigTests {
    @Test func theIssuesExampleReads() throws {
        let yaml = """
        notifications:
          - {kind: webhook, url: "http://127.0.0.1:9000/hook", min_severity: warning, repeat_after: 24h}
          - {kind: slack, url: "https://hooks.slack.com/services/T000/B000/XXXX"}
          - {kind: command, run: ["/usr/local/bin/page-oncall", "--team", "ml"]}
        """
        let sinks = try ConfigLoader.load(yaml: yaml, source: "test.yaml").notifications
        #expect(sinks.map(\.name) == ["webhook-1", "slack-2", "command-3"])
        #expect(sinks[0].target == .webhook(try NotificationURL(parsing: "http://127.0.0.1:9000/hook")))
        #expect(sinks[0].minSeverity == .warning)
        #expect(sinks[0].repeatAfterSeconds == 86_400)
        #expect(sinks[1].target.kind == "slack")
        #expect(sinks[1].target.shown == "https://hooks.slack.com/services/T000/B000/****")
        #expect(sinks[1].minSeverity == .info)
        #expect(sinks[1].repeatAfterSeconds == 0)
        #expect(sinks[2].target == .command(["/usr/local/bin/page-oncall", "--team", "ml"]))
    }

    @Test func theShippedExampleReadsEveryKey() throws {
        let yaml = try #require(ConfigLoader.exampleYAML)
        let sinks = try ConfigLoader.load(yaml: yaml, source: "example-config.yaml").notifications
        let first = try #require(sinks.first)
        #expect(first.name == "ops-webhook")
        #expect(first.kinds == [.budgetThreshold, .budgetExceeded, .budgetProjectedExhaustion, .notificationFailure])
        #expect(first.sendResolved)
        #expect(first.timeoutSeconds == 5)
        #expect(first.maxAttempts == 5)
        #expect(first.backoffSeconds == 1)
        #expect(first.maxBackoffSeconds == 300)
        #expect(first.queueCapacity == 256)
        #expect(first.failureAlertAfter == 3)
        #expect(sinks.count == 3)
    }

    @Test(arguments: [
        ("notifications:\n  - {kind: webhook, url: \"ftp://x/hook\"}\n",
         "test.yaml:2:26: notifications[0].url: \"ftp://x/hook\" is not a usable sink URL: the scheme must be http or https, not ftp"),
        ("notifications:\n  - {kind: webhook, url: \"http://u:p@x/hook\"}\n",
         "test.yaml:2:26: notifications[0].url: \"http://u:p@x/hook\" is not a usable sink URL: user information (user:password@) is not supported"),
        ("notifications:\n  - {kind: webhok, url: \"http://x/\"}\n",
         "test.yaml:2:12: notifications[0].kind: expected webhook, slack or command, got \"webhok\"; did you mean \"webhook\"?"),
        ("notifications:\n  - {kind: slack}\n",
         "test.yaml:2:5: notifications[0]: missing key \"url\": expected an http:// or https:// URL"),
        ("notifications:\n  - {kind: command, url: \"http://x/\"}\n",
         "test.yaml:2:5: notifications[0]: missing key \"run\": expected a list of a program and its arguments, such as [/usr/local/bin/page-oncall, --team, ml]"),
        ("notifications:\n  - {kind: webhook, url: \"http://x/\", min_severity: loud}\n",
         "test.yaml:2:53: notifications[0].min_severity: expected one of info, warning, critical, got \"loud\""),
        ("notifications:\n  - {kind: webhook, url: \"http://x/\", kinds: [budget_exceded]}\n",
         "test.yaml:2:47: notifications[0].kinds[0]: expected one of budget_threshold, budget_exceeded, budget_projected_exhaustion, policy_violation, evaluation_failure, cost_spike, error_rate_spike, ledger_write_failure, fleet_read_failure, sla_miss_rate, notification_failure, got \"budget_exceded\"; did you mean \"budget_exceeded\"?"),
        ("notifications:\n  - {kind: webhook, url: \"http://x/\", repeat_after: soon}\n",
         "test.yaml:2:53: notifications[0].repeat_after: expected a duration such as 30m or 24h (0 sends an alert again only after it resolved), got \"soon\""),
        ("notifications:\n  - {kind: webhook, url: \"http://x/\", retry: 3}\n",
         "test.yaml:2:39: notifications[0]: unknown key \"retry\"; valid keys here are kind, url, run, name, min_severity, kinds, "
         + "repeat_after, resolved, timeout, retries, backoff, max_backoff, queue, failure_alert_after"),
        ("notifications:\n  - {kind: webhook, url: \"http://x/\", name: a}\n  - {kind: slack, url: \"http://y/\", name: a}\n",
         "test.yaml:3:43: notifications[1].name: the sink name \"a\" is already used by notifications[0] (line 2); sink names must be unique"),
    ])
    func mistakesAreNamed(yaml: String, message: String) {
        #expect(loadError(yaml: yaml, source: "test.yaml")?.description == message)
    }
}
