import Foundation
import Testing
@testable import GovTopConfig

/// One fixture file per kind of mistake, with the exact message `govtop` prints for it (after the
/// fixture's path and a colon).
@Suite struct ConfigErrorFixtureTests {
    static let cases: [(fixture: String, message: String)] = [
        // Unknown keys, with the nearest valid key when one is close.
        ("unknown-top-level-key.yaml", #"3:1: unknown key "budget"; did you mean "budgets"?"#),
        ("unknown-nested-key.yaml", #"5:5: budgets[1]: unknown key "limt"; did you mean "limit"?"#),
        ("unknown-key-camel-case.yaml", #"2:3: store: unknown key "maxSpans"; did you mean "max_spans"?"#),
        ("unknown-receiver-key.yaml", #"2:3: receiver: unknown key "max_conections"; did you mean "max_connections"?"#),
        ("unknown-condition-operator.yaml", #"4:21: policies[0].when.environment: unknown key "nto"; did you mean "not"?"#),
        ("unknown-key-without-suggestion.yaml",
         #"3:3: alerts: unknown key "frobnicate"; valid keys here are cost_spike_factor, cost_spike_min_usd_per_minute, cost_spike_min_baseline, error_rate_threshold, error_rate_min_requests, resolve_after, reactivate_within, max_alerts, sla_miss_rate_threshold, sla_min_checks"#),
        // Values of the wrong type.
        ("wrong-type-number.yaml", #"6:12: budgets[1].limit: expected a number of US dollars greater than 0 and at most 1000000000000, got "lots""#),
        ("wrong-type-list.yaml", "2:3: policies: expected a list of policy rules, got a mapping"),
        ("wrong-type-root.yaml", "1:1: expected a mapping of settings at the top level, got a list"),
        ("wrong-type-empty-value.yaml", "1:7: theme: expected a theme name or path, got an empty value"),
        ("wrong-type-key.yaml", "2:3: store: expected a key name, got a list as a key"),
        // Values out of range.
        ("out-of-range-fraction.yaml", "2:25: alerts.error_rate_threshold: expected a fraction greater than 0 and at most 1, got 1.5"),
        ("out-of-range-threshold.yaml", "3:23: budgets[0].thresholds[1]: expected a fraction greater than 0 and at most 1, got 1.2"),
        ("out-of-range-port.yaml", "1:12: http_port: expected a port number from 1 to 65535, got 70000"),
        ("out-of-range-max-alerts.yaml", "2:15: alerts.max_alerts: expected a whole number from 10 to 1000000, got 5"),
        ("out-of-range-max-connections.yaml", "2:20: receiver.max_connections: expected a whole number of connections from 1 to 1000000, got 0"),
        ("out-of-range-header-timeout.yaml",
         #"2:19: receiver.header_timeout: expected a duration greater than 0 and at most 1 hour such as 10s, or a number of seconds, got "0s""#),
        ("out-of-range-negative-price.yaml", "4:12: pricing[0].input: expected a price of 0 or more in US dollars per 1M tokens, got -2.5"),
        ("out-of-range-resolve-after.yaml",
         #"2:18: alerts.resolve_after: expected a duration of at most 1 day such as 90s or 5m, or a number of seconds, got "2h30m""#),
        // Names outside a fixed set.
        ("bad-period.yaml", #"4:13: budgets[0].period: expected hourly, daily, weekly, monthly, or a rolling window such as 10s, 15m, 24h, 7d, 30d (at most 366d), got "fortnightly""#),
        ("bad-period-suggestion.yaml", #"4:13: budgets[0].period: expected hourly, daily, weekly, monthly, or a rolling window such as 10s, 15m, 24h, 7d, 30d (at most 366d), got "dayly"; did you mean "daily"?"#),
        ("bad-budget-action.yaml", #"3:13: budgets[0].action: expected one of block, alert, log, got "deny""#),
        ("bad-policy-action.yaml", #"4:13: policies[0].action: expected one of alert, log, redact, got "block""#),
        ("bad-severity.yaml", #"4:15: policies[0].severity: expected one of info, warning, critical, got "high""#),
        ("bad-time-zone.yaml", #"1:12: time_zone: expected an IANA time zone name such as UTC or Europe/Paris, got "Mars/Olympus_Mons""#),
        ("bad-time-zone-suggestion.yaml",
         #"1:12: time_zone: expected an IANA time zone name such as UTC or Europe/Paris, got "Europe/Pari"; did you mean "Europe/Paris"?"#),
        // Text that must parse.
        ("invalid-regex.yaml", #"3:14: policies[0].pattern: expected a valid regular expression (ICU syntax), got "([a-z]+@""#),
        ("bad-size.yaml", #"1:11: max_body: expected a size from 1KiB to 1GiB such as 64MiB, or a number of bytes, got "64 megabytes""#),
        ("bad-size-range.yaml", #"2:15: store.max_memory: expected a size from 1MiB to 1TiB such as 512MiB, or a number of bytes, got "10KiB""#),
        ("bad-min-body-rate.yaml",
         #"3:18: receiver.min_body_rate: expected a size per second from 1 byte to 1GiB such as 32KiB, or a number of bytes, got "fast""#),
        ("bad-max-inflight.yaml", #"2:17: receiver.max_inflight: expected a size from 1MiB to 64GiB such as 256MiB, at least max_body, got "12KiB""#),
        ("out-of-range-max-export-queue.yaml", "2:21: receiver.max_export_queue: expected a whole number of exports from 1 to 100000, got 0"),
        ("bad-max-decode-ratio.yaml", #"2:21: receiver.max_decode_ratio: expected a whole number from 1 to 1000, got "lots""#),
        ("bad-listen.yaml", #"1:9: listen: expected a host or host:port such as 127.0.0.1, localhost:4318 or [::1]:4318, got "localhost:port""#),
        // Names that must be unique.
        ("duplicate-budget-names.yaml", #"5:11: budgets[1].name: the budget name "ml" is already used by budgets[0] (line 2); budget names must be unique"#),
        ("duplicate-derived-budget-names.yaml",
         #"5:5: budgets[1]: the budget name "team:ml-platform" (made from its scope) is already used by budgets[0] (line 2); budget names must be unique"#),
        ("duplicate-policy-names.yaml", #"4:11: policies[1].name: the policy name "guard" is already used by policies[0] (line 2); policy names must be unique"#),
        ("duplicate-price-names.yaml",
         #"10:15: pricing[1].aliases[0]: the name "Acme-Large" is already priced by pricing[0] (line 2) for provider "ACME"; each name or alias may be priced once per provider"#),
        ("duplicate-yaml-key.yaml", #"1:1: the key "listen" appears more than once in this mapping; keep one"#),
        // Combinations that make no sense.
        ("two-policy-kinds.yaml", #"4:5: policies[0]: a rule checks one thing, but this one has both "pattern" and "when"; split it into two rules"#),
        ("redact-without-pattern.yaml", #"5:13: policies[0].action: redact masks what a pattern matched, but this rule checks "when"; use alert or log, or a pattern"#),
        ("keys-without-pattern.yaml", #"3:5: policies[0]: "keys" only goes with "pattern", and this rule checks "max_tokens""#),
        ("policy-without-check.yaml", #"2:5: policies[0]: missing a check: expected one of "pattern", "when", "max_cost" or "max_tokens""#),
        ("port-conflict.yaml", "2:12: http_port: 4319 differs from the port 4318 in listen (line 1); give the port in one place"),
        // Required keys.
        ("missing-limit.yaml", #"2:5: budgets[0]: missing key "limit": expected a number of US dollars greater than 0 and at most 1000000000000"#),
        ("missing-output-price.yaml", #"2:5: pricing[0]: missing key "output": expected a price of 0 or more in US dollars per 1M tokens"#),
        // YAML that does not parse.
        ("yaml-syntax-error.yaml", "5:9: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 4, column 12)"),
        ("yaml-syntax-error-tab.yaml",
         "2:1: invalid YAML: found character that cannot start any token (while scanning for the next token at line 2, column 1); YAML is indented with spaces, not tabs"),
    ]

    @Test(arguments: cases)
    func fixtureGivesItsExactMessage(fixture: String, message: String) {
        let path = Fixture.path(fixture)
        #expect(loadError(path: path)?.description == "\(path):\(message)")
    }

    @Test func everyFixtureIsInTheTable() throws {
        let folder = (Fixture.path(Self.cases[0].fixture) as NSString).deletingLastPathComponent
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.cases.map(\.fixture)))
    }

    @Test func errorCarriesItsPartsApart() throws {
        let path = Fixture.path("unknown-nested-key.yaml")
        let error = try #require(loadError(path: path))
        #expect(error.file == path)
        #expect(error.line == 5)
        #expect(error.column == 5)
        #expect(error.keyPath == "budgets[1]")
        #expect(error.message == #"unknown key "limt""#)
        #expect(error.suggestion == "limit")
    }

    @Test func sourceNamesTheDocumentInErrors() {
        #expect(loadError(yaml: "http_port: 0\n", source: "inline")?.description == "inline:1:12: http_port: expected a port number from 1 to 65535, got 0")
    }
}
