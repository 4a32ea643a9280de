import Testing
@testable import GovTopConfig

/// Documents built to exhaust the loader get an error, never a crash or unbounded work.
@Suite struct HostileInputTests {
    @Test func deepNestingIsRefusedByTheParser() {
        let depth = 5000
        let yaml = "theme: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let error = loadError(yaml: yaml)
        #expect(error?.line == 1)
        #expect(error?.message.hasPrefix("invalid YAML: ") == true)
    }

    @Test func nestingWithinTheParserLimitIsAnOrdinaryError() {
        let depth = 990
        let yaml = "theme: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(loadError(yaml: yaml)?.description == "config.yaml:1:8: theme: expected a theme name or path, got a list")
    }

    /// A list of 50 values used under 1000 keys of a `when` used by 100 rules would be 5 million
    /// values read from a file of a few kilobytes.
    @Test func aliasExpansionIsBounded() {
        var yaml = "policies:\n  - name: rule0\n    when: &conditions\n"
        yaml += "      key0: &values [" + Array(repeating: "v", count: 50).joined(separator: ", ") + "]\n"
        for key in 1..<1000 { yaml += "      key\(key): *values\n" }
        for rule in 1..<100 { yaml += "  - {name: rule\(rule), when: *conditions}\n" }
        let error = loadError(yaml: yaml)
        #expect(error?.message == "the document holds more than 100000 values (counting each use of an alias); make it smaller")
        #expect(error?.keyPath.hasPrefix("policies[1].when") == true)
    }

    @Test func aliasesWithinTheBoundWork() throws {
        let yaml = """
        policies:
          - {name: a, when: {environment: &envs [dev, test]}}
          - {name: b, when: {environment: {not: *envs}}}
        """
        let policies = try ConfigLoader.load(yaml: yaml, source: "config.yaml").engine.policies
        #expect(policies.count == 2)
    }
}
