import GovTopConfig
import GovTopCore
import Testing

/// `source:` of a budget: traced spend (the default) or metered usage, nothing else.
@Suite struct BudgetSourceConfigTests {
    @Test(arguments: [("", BudgetSource.config), ("    source: traced\n", .config), ("    source: metered\n", .metered)])
    func theSourceIsRead(line: String, source: BudgetSource) throws {
        let configuration = try ConfigLoader.load(yaml: "budgets:\n  - limit: 10\n" + line, source: "test.yaml")
        #expect(configuration.engine.budgets.first?.source == source)
    }

    @Test(arguments: ["telemetry", "config", "Metered", "[metered]"])
    func anyOtherSourceIsRefusedWithWhatIsExpected(value: String) throws {
        let error = try #require(loadError(yaml: "budgets:\n  - limit: 10\n    source: \(value)\n"))
        #expect(error.description.contains("traced (spend seen in spans, the default) or metered"), "\(error)")
        #expect(error.description.contains("source"), "\(error)")
    }
}
