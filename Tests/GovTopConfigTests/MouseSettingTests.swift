import Testing
@testable import GovTopConfig

/// `mouse:` turns the dashboard's mouse reports on or off (as `--no-mouse` does).
@Suite struct MouseSettingTests {
    @Test(arguments: [("mouse: false\n", false), ("mouse: off\n", false), ("mouse: no\n", false), ("mouse: true\n", true),
                      ("mouse: On\n", true), ("", true)])
    func readsTheSwitch(yaml: String, mouse: Bool) throws {
        let configuration = try ConfigLoader.load(yaml: yaml, source: "test.yaml")
        #expect(configuration.mouse == mouse)
        #expect(configuration.summaryLines.contains("mouse off") == !mouse)
    }

    @Test func anythingElseSaysWhatItTakes() {
        #expect(throws: ConfigError.self) { try ConfigLoader.load(yaml: "mouse: sometimes\n", source: "test.yaml") }
        do {
            _ = try ConfigLoader.load(yaml: "mouse: sometimes\n", source: "test.yaml")
        } catch {
            #expect("\(error)".contains("mouse: expected true or false, got \"sometimes\""), "\(error)")
        }
    }
}
