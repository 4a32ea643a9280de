import Foundation
import GovTopCore
import Testing
@testable import GovTopConfig

/// Values the loader accepts, and the defaults it fills in.
@Suite struct ConfigValuesTests {
    private func load(_ yaml: String) throws -> GovTopConfiguration {
        try ConfigLoader.load(yaml: yaml, source: "test.yaml")
    }

    @Test(arguments: ["", "# only a comment\n", "---\n", "budgets:\npolicies: ~\npricing:\nstore:\nalerts:\n"])
    func emptyDocumentsAndSectionsGiveTheDefaults(_ yaml: String) throws {
        let configuration = try load(yaml)
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 4318)
        #expect(configuration.maxBodyBytes == 64 << 20)
        #expect(configuration.theme == nil)
        #expect(configuration.pricingOverrides.isEmpty)
        #expect(configuration.engine.pricing.entries == PricingTable.shipped.entries)
        #expect(configuration.source == "test.yaml")
        let engine = configuration.engine
        #expect(engine.store == StoreLimits())
        #expect(engine.budgets.isEmpty && engine.policies.isEmpty)
        #expect(engine.alerts == AlertSettings())
        #expect(engine.timeZone == TimeZone(identifier: "UTC"))
        #expect(engine.maxGroupsPerDimension == 5000)
    }

    @Test(arguments: [
        ("listen: 127.0.0.1", "127.0.0.1", 4318),
        ("listen: localhost:9000", "localhost", 9000),
        ("listen: \"[::1]:4319\"", "::1", 4319),
        ("listen: \"[::1]\"", "::1", 4318),
        ("listen: \"::\"", "::", 4318),
        ("listen: 0.0.0.0\nhttp_port: 4400", "0.0.0.0", 4400),
        ("http_port: 4400\nlisten: gateway:4400", "gateway", 4400),
    ])
    func listenAddressAndPort(yaml: String, host: String, port: Int) throws {
        let configuration = try load(yaml)
        #expect(configuration.host == host)
        #expect(configuration.port == port)
    }

    @Test(arguments: ["", "host:", ":4318", "host:0", "host:65536", "host:+80", "[::1", "[::1]4318", "[]:80", "a b", "a/b"])
    func rejectsMalformedListenAddresses(_ text: String) {
        #expect(ListenAddress(text) == nil)
    }

    @Test(arguments: [
        ("1048576", 1_048_576), ("1_048_576", 1_048_576), ("64MiB", 64 << 20), ("64 MiB", 64 << 20), ("64mib", 64 << 20),
        ("512MB", 512_000_000), ("1GiB", 1 << 30), ("1.5KiB", 1536), ("2kb", 2000), ("1TiB", 1 << 40), ("100B", 100),
    ])
    func sizes(text: String, bytes: Int) {
        #expect(ByteSizeText.bytes(text) == bytes)
    }

    @Test(arguments: ["", "lots", "-1MiB", "64MiBs", "64 M", "MiB", "1e3MB", "9999999TiB", "1.2.3MB"])
    func rejectsMalformedSizes(_ text: String) {
        #expect(ByteSizeText.bytes(text) == nil)
    }

    @Test func sizesAreShownInTheLargestExactUnit() {
        #expect(ByteSizeText.format(64 << 20) == "64MiB")
        #expect(ByteSizeText.format(1536) == "1536B")
        #expect(ByteSizeText.format(3 << 30) == "3GiB")
    }

    @Test func sizeKeysTakeNumbersOrText() throws {
        let configuration = try load("max_body: 2048\nstore:\n  max_memory: 1GiB\n  max_spans: 1e6\n")
        #expect(configuration.maxBodyBytes == 2048)
        #expect(configuration.engine.store == StoreLimits(maxSpans: 1_000_000, maxMemoryBytes: 1 << 30))
    }

    @Test func receiverLimitsAreReadAndUnsetOnesKeepTheReceiversDefaults() throws {
        let configuration = try load("receiver:\n  max_connections: 1_000\n  header_timeout: 1500ms\n  min_body_rate: 8KiB\n")
        #expect(configuration.receiver == ReceiverSettings(maxConnections: 1000, headerTimeoutSeconds: 1.5, minBodyBytesPerSecond: 8192))
        #expect(try load("receiver:\n").receiver == ReceiverSettings())
        let memory = try load("receiver:\n  max_inflight: 1GiB\n  max_decode_ratio: 8\n  max_export_queue: 16\n")
        #expect(memory.receiver == ReceiverSettings(maxInflightBytes: 1 << 30, maxDecodeRatio: 8, maxExportQueue: 16))
    }

    @Test func theGRPCPortIsReadAndZeroTurnsItOff() throws {
        #expect(try load("receiver:\n  grpc_port: 14317\n").receiver.grpcPort == 14317)
        #expect(try load("receiver:\n  grpc_port: 0\n").receiver.grpcPort == 0)
        #expect(try load("receiver:\n").receiver.grpcPort == nil)
        #expect(loadError(yaml: "receiver:\n  grpc_port: 70000\n")?.description
            == "config.yaml:2:14: receiver.grpc_port: expected a TCP port from 1 to 65535, or 0 to turn the OTLP/gRPC receiver off, got 70000")
    }

    @Test(arguments: [("90", 90.0), ("1.5", 1.5), ("90s", 90), ("5m", 300), ("1.5m", 90), ("1h", 3600), ("500ms", 0.5), ("0", 0)])
    func durations(text: String, seconds: Double) throws {
        #expect(DurationText.seconds(text) == seconds)
        let alerts = try load("alerts:\n  resolve_after: \(text)\n  reactivate_within: \(text)\n  cost_spike_min_baseline: \(text)\n").engine.alerts
        #expect(alerts.resolveAfterSeconds == seconds)
        #expect(alerts.reactivateWithinSeconds == seconds)
        #expect(alerts.spikeBaselineMinimumSeconds == seconds)
    }

    @Test(arguments: ["", "5 minutes", "-5s", "2d", "s", "1h30m", "25h"])
    func rejectsMalformedOrTooLongDurations(_ text: String) {
        for key in ["resolve_after", "reactivate_within", "cost_spike_min_baseline"] {
            #expect(loadError(yaml: "alerts:\n  \(key): \"\(text)\"\n")?.description
                == "config.yaml:2:\(key.count + 5): alerts.\(key): expected a duration of at most 1 day such as 90s or 5m, or a number of seconds, got \"\(text)\"")
        }
    }

    @Test func numbersMayBeQuotedOrUseUnderscores() throws {
        let budgets = try load("budgets:\n  - limit: \"12.5\"\n    consumed: 1_000\n    thresholds: []\n").engine.budgets
        #expect(budgets == [BudgetDefinition(limitUSD: 12.5, thresholds: [], initialConsumedUSD: 1000)])
        #expect(budgets.first?.name == "all")
    }

    @Test(arguments: [".inf", ".nan", "1e400", "nan", "infinity", "1e13"])
    func rejectsNumbersThatAreNotFiniteOrBeyondTheBound(_ text: String) {
        #expect(loadError(yaml: "budgets:\n  - limit: \(text)\n")?.message
            .hasPrefix("expected a number of US dollars greater than 0 and at most 1000000000000, got ") == true)
    }

    @Test func thresholdsAreSortedAndMustDiffer() throws {
        #expect(try load("budgets:\n  - limit: 5\n    thresholds: [0.9, 0.25, 1]\n").engine.budgets.first?.thresholds == [0.25, 0.9, 1])
        #expect(loadError(yaml: "budgets:\n  - limit: 5\n    thresholds: [0.5, 0.5]\n")?.description
            == "config.yaml:3:23: budgets[0].thresholds[1]: 0.5 is listed twice; thresholds must differ")
    }

    @Test func scopeValuesAreTextAsWritten() throws {
        let budget = try load("budgets:\n  - team: 42\n    cost_center: \"007\"\n    limit: 1\n").engine.budgets.first
        #expect(budget?.scope == [.team: "42", .costCenter: "007"])
        #expect(loadError(yaml: "budgets:\n  - team:\n    limit: 1\n")?.description == "config.yaml:2:10: budgets[0].team: expected a team name, got an empty value")
        #expect(loadError(yaml: "budgets:\n  - environment: []\n    limit: 1\n")?.message == "expected an environment name, got a list")
    }

    @Test func conditionsTakeAValueAListOrANegation() throws {
        let yaml = """
        policies:
          - name: rule
            when:
              gen_ai.request.model: [gpt-4, gpt-4-turbo]
              environment: {not: [prod, staging]}
              team: 7
        """
        let rule = try #require(try load(yaml).engine.policies.first)
        guard case .conditions(let conditions) = rule.check else {
            Issue.record("check is \(rule.check)")
            return
        }
        #expect(conditions == [
            PolicyCondition(key: "gen_ai.request.model", values: ["gpt-4", "gpt-4-turbo"]),
            PolicyCondition(key: "environment", values: ["prod", "staging"], negated: true),
            PolicyCondition(key: "team", values: ["7"]),
        ])
    }

    @Test func conditionMistakesNameTheAttributeKey() {
        let prefix = "policies:\n  - name: rule\n    when:\n"
        #expect(loadError(yaml: prefix + "      gen_ai.request.model: []\n")?.description
            == #"config.yaml:4:29: policies[0].when["gen_ai.request.model"]: expected a value, a list of values, or {not: a value or a list of values}, got a list"#)
        #expect(loadError(yaml: prefix + "      team: {}\n")?.description
            == #"config.yaml:4:13: policies[0].when.team: missing key "not": expected a value or a list of values"#)
        #expect(loadError(yaml: prefix + "      {}\n")?.description
            == "config.yaml:4:7: policies[0].when: expected a mapping of conditions such as {model: gpt-4, environment: [dev, test]}, got a mapping")
    }

    @Test func limitRulesTakeEitherLimit() throws {
        let policies = try load("policies:\n  - name: a\n    max_cost: 2\n  - name: b\n    max_tokens: 10\n").engine.policies
        guard case .limits(let costA, let tokensA) = policies[0].check, case .limits(let costB, let tokensB) = policies[1].check else {
            Issue.record("checks are \(policies.map(\.check))")
            return
        }
        #expect(costA == 2 && tokensA == nil)
        #expect(costB == nil && tokensB == 10)
    }

    @Test func patternRulesDefaultToEveryKeyAlertAndWarning() throws {
        let rule = try #require(try load("policies:\n  - name: ssn\n    pattern: \".*SSN.*\"\n").engine.policies.first)
        guard case .pattern(let pattern, let keys) = rule.check else {
            Issue.record("check is \(rule.check)")
            return
        }
        #expect(pattern == ".*SSN.*" && keys == nil)
        #expect(rule.action == .alert && rule.severity == .warning)
    }

    @Test(arguments: [("pattern: \"\"", "got \"\""), ("pattern: \"a{2,1}\"", "got \"a{2,1}\""), ("pattern: \"(?<\"", "got \"(?<\"")])
    func rejectsEmptyOrInvalidPatterns(line: String, got: String) {
        #expect(loadError(yaml: "policies:\n  - name: p\n    \(line)\n")?.message
            == "expected a valid regular expression (ICU syntax), \(got)")
    }

    @Test func pricingNamesAreComparedPerProvider() throws {
        let yaml = """
        pricing:
          - {model: shared, provider: one, input: 1, output: 2}
          - {model: shared, provider: two, input: 3, output: 4, aliases: [other]}
        """
        #expect(try load(yaml).pricingOverrides.map(\.provider) == ["one", "two"])
        #expect(loadError(yaml: "pricing:\n  - {model: m, provider: p, input: 1, output: 2, aliases: [M]}\n")?.description
            == #"config.yaml:2:60: pricing[0].aliases[0]: the name "M" is already priced by pricing[0] (line 2) for provider "p"; each name or alias may be priced once per provider"#)
    }

    @Test func timeZonesAreIANANames() throws {
        #expect(try load("time_zone: America/New_York").engine.timeZone.identifier == "America/New_York")
    }

    @Test func keysAreCaseSensitive() {
        #expect(loadError(yaml: "Listen: 127.0.0.1\n")?.description == #"config.yaml:1:1: unknown key "Listen"; did you mean "listen"?"#)
    }
}
