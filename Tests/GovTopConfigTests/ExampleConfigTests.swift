import Foundation
import GovTopCore
import Testing
import Yams
@testable import GovTopConfig

/// The example shipped with govtop loads, every value in it arrives in the typed configuration,
/// and it documents every key the loader accepts.
@Suite struct ExampleConfigTests {
    static func example() throws -> GovTopConfiguration {
        let yaml = try #require(ConfigLoader.exampleYAML)
        return try ConfigLoader.load(yaml: yaml, source: "example-config.yaml")
    }

    @Test func receiverAndDisplaySettings() throws {
        let configuration = try Self.example()
        #expect(configuration.source == "example-config.yaml")
        #expect(configuration.host == "localhost")
        #expect(configuration.port == 4318)
        #expect(configuration.maxBodyBytes == 16 << 20)
        #expect(configuration.theme == "solarized-dark")
        #expect(configuration.receiver == ReceiverSettings(maxConnections: 512, headerTimeoutSeconds: 5, idleTimeoutSeconds: 120,
                                                           minBodyBytesPerSecond: 64 << 10, maxInflightBytes: 512 << 20,
                                                           maxDecodeRatio: 32, maxExportQueue: 64, grpcPort: 4317))
    }

    @Test func engineSettings() throws {
        let engine = try Self.example().engine
        #expect(engine.store == StoreLimits(maxSpans: 100_000, maxMemoryBytes: 256 << 20))
        #expect(engine.timeZone.identifier == "Europe/Paris")
        #expect(engine.maxGroupsPerDimension == 2000)
        #expect(engine.alerts == AlertSettings(costSpikeFactor: 4, costSpikeMinimumUSDPerMinute: 0.25, errorRateThreshold: 0.1,
                                               errorRateMinimumRequests: 50, resolveAfterSeconds: 300, maxAlerts: 500,
                                               reactivateWithinSeconds: 900, spikeBaselineMinimumSeconds: 600).with {
            $0.slaMissRateThreshold = 0.2
            $0.slaMinimumChecks = 50
        })
    }

    @Test func recordAndPricingFile() throws {
        let configuration = try Self.example()
        #expect(configuration.record == RecordSettings(file: "govtop-record.jsonl", maxFileBytes: 64 << 20, keepFiles: 4))
        // Empty: the shipped table, with the overrides laid over it.
        #expect(configuration.pricingFile == nil)
        #expect(configuration.engine.pricing.entries.count == PricingTable.shipped.entries.count + 1)
    }

    @Test func pricingOverrides() throws {
        let prices = try Self.example().pricingOverrides
        #expect(prices == [
            ModelPrice(name: "acme-chat-large", provider: "acme",
                       rates: TokenRates(input: 2.5, output: 10, cachedInput: 0.25, cacheWrite: 3.125),
                       aliases: ["acme-large", "acme-chat-large-latest"]),
            ModelPrice(name: "gpt-4o", provider: "openai", rates: TokenRates(input: 2, output: 8)),
        ])
    }

    @Test func pricingOverridesAreLaidOverTheShippedTable() throws {
        let table = try Self.example().engine.pricing
        #expect(table.price(forModel: "acme-large")?.rates.cachedInput == 0.25)
        #expect(table.price(forModel: "gpt-4o", provider: "openai")?.rates.input == 2)
        #expect(table.entries.count == PricingTable.shipped.entries.count + 1)
    }

    @Test func budgets() throws {
        let budgets = try Self.example().engine.budgets
        #expect(budgets == [
            BudgetDefinition(name: "ml-platform-daily", scope: [.team: "ml-platform", .environment: "prod"], limitUSD: 1000,
                             period: .daily, thresholds: [0.5, 0.9], initialConsumedUSD: 120.5, action: .alert,
                             timeZone: TimeZone(identifier: "America/New_York"), resetAt: BudgetResetTime(hour: 6, minute: 0)),
            BudgetDefinition(scope: [.customer: "acme-corp", .model: "gpt-4o", .project: "support-bot", .costCenter: "cc-1234",
                                     .feature: "summarize", .provider: "openai", .service: "support-api"],
                             limitUSD: 250, action: .log),
        ])
        #expect(budgets[1].name == "project:support-bot,customer:acme-corp,cost_center:cc-1234,feature:summarize,model:gpt-4o,provider:openai,service:support-api")
    }

    @Test func policies() throws {
        let policies = try Self.example().engine.policies
        try #require(policies.count == 3)
        #expect(policies.map(\.name) == ["pii-detection", "no-gpt4-in-dev", "expensive-request"])
        #expect(policies.map(\.action) == [.redact, .log, .alert])
        #expect(policies.map(\.severity) == [.critical, .info, .warning])
        guard case .pattern(let pattern, let keys) = policies[0].check else {
            Issue.record("pii-detection is \(policies[0].check)")
            return
        }
        #expect(pattern == #"\b\d{3}-\d{2}-\d{4}\b"#)
        #expect(keys == ["gen_ai.prompt", "gen_ai.completion"])
        guard case .conditions(let conditions) = policies[1].check else {
            Issue.record("no-gpt4-in-dev is \(policies[1].check)")
            return
        }
        #expect(conditions == [
            PolicyCondition(key: "model", values: ["gpt-4"]),
            PolicyCondition(key: "environment", values: ["dev", "test"]),
            PolicyCondition(key: "team", values: ["research"], negated: true),
        ])
        guard case .limits(let maxCost, let maxTokens) = policies[2].check else {
            Issue.record("expensive-request is \(policies[2].check)")
            return
        }
        #expect(maxCost == 0.5)
        #expect(maxTokens == 100_000)
    }

    /// Every key the loader accepts appears in the example (so each is documented), and the
    /// example uses no other.
    @Test func documentsEveryKey() throws {
        let yaml = try #require(ConfigLoader.exampleYAML)
        let root = try #require(try Yams.compose(yaml: yaml))
        var found: Set<String> = []
        collectKeys(of: root, under: "", into: &found)
        var accepted = Set(ConfigKeys.topLevel)
        for (section, keys) in [("receiver", ConfigKeys.receiver), ("store", ConfigKeys.store), ("record", ConfigKeys.record),
                                ("pricing", ConfigKeys.price), ("budgets", ConfigKeys.budget),
                                ("policies", ConfigKeys.policy), ("alerts", ConfigKeys.alerts),
                                ("policies.when.team", ConfigKeys.negatedCondition), ("tls", ConfigKeys.tls), ("decision", ConfigKeys.decision),
                                ("decision.headers", ["team", "project"]), ("notifications", ConfigKeys.notification)] {
            accepted.formUnion(keys.map { "\(section).\($0)" })
        }
        let conditionKeys = found.filter { $0.hasPrefix("policies.when.") && !$0.hasPrefix("policies.when.team.") }
        #expect(found.subtracting(conditionKeys) == accepted)
        #expect(conditionKeys == ["policies.when.model", "policies.when.environment", "policies.when.team"])
    }

    @Test func everyKeyHasACommentAbove() throws {
        let yaml = try #require(ConfigLoader.exampleYAML)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let documented = Set(ConfigKeys.topLevel + ConfigKeys.receiver + ConfigKeys.store + ConfigKeys.record + ConfigKeys.price + ConfigKeys.budget + ConfigKeys.policy + ConfigKeys.alerts + ConfigKeys.tls + ConfigKeys.notification)
        var explained: Set<String> = []
        for (previous, line) in zip(lines, lines.dropFirst()) {
            let above = previous.trimmingCharacters(in: .whitespaces)
            guard above.hasPrefix("#") || above.hasPrefix("- #") else { continue }
            let key = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            explained.insert(key.hasPrefix("- ") ? String(key.dropFirst(2)) : key)
        }
        // Scope keys are explained together in the budgets comment, and a second entry's keys by the first's.
        let scopeKeys = Set(Dimension.allCases.map(\.rawValue))
        #expect(documented.subtracting(explained).subtracting(scopeKeys).isEmpty, "undocumented: \(documented.subtracting(explained).subtracting(scopeKeys).sorted())")
    }

    private func collectKeys(of node: Node, under path: String, into keys: inout Set<String>) {
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                let name = key.string ?? "?"
                let keyPath = path.isEmpty ? name : "\(path).\(name)"
                keys.insert(keyPath)
                collectKeys(of: value, under: keyPath, into: &keys)
            }
        case .sequence(let sequence):
            for element in sequence { collectKeys(of: element, under: path, into: &keys) }
        default:
            break
        }
    }
}

@Suite struct ConfigurationSummaryTests {
    @Test func summarizesTheExample() throws {
        #expect(try ExampleConfigTests.example().summaryLines == [
            "listen localhost:4318, max body 16MiB",
            "receiver gRPC port 4317, max 512 connections, header timeout 5s, idle timeout 120s, min body rate 64KiB/s, max in flight 512MiB, decode ratio 32, export queue 64",
            "store 100000 spans or 256MiB, time zone Europe/Paris, 2000 groups per dimension",
            "2 budgets: ml-platform-daily, project:support-bot,customer:acme-corp,cost_center:cc-1234,feature:summarize,model:gpt-4o,provider:openai,service:support-api",
            "3 policies: pii-detection, no-gpt4-in-dev, expensive-request",
            "2 price overrides: acme-chat-large (acme), gpt-4o (openai)",
            "3 notification sinks: ops-webhook (http://127.0.0.1:9000/hook), slack-2 (https://hooks.slack.com/services/T000/B000/****), "
                + "command-3 (/usr/local/bin/page-oncall --team ml)",
            "theme solarized-dark",
        ])
    }

    @Test func summarizesTheDefaults() throws {
        let configuration = try ConfigLoader.load(yaml: "listen: \"[::1]\"\npolicies:\n  - {name: one, max_tokens: 5}\n", source: "c.yaml")
        #expect(configuration.summaryLines == [
            "listen [::1]:4318, max body 64MiB",
            "store 200000 spans or 512MiB, time zone \(configuration.engine.timeZone.identifier), 5000 groups per dimension",
            "no budgets",
            "1 policy: one",
            "no price overrides",
        ])
    }
}

private extension AlertSettings {
    /// These settings with some changed (the SLA settings have no initializer parameters).
    func with(_ change: (inout AlertSettings) -> Void) -> AlertSettings {
        var copy = self
        change(&copy)
        return copy
    }
}
