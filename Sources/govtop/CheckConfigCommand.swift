import ArgumentParser
import GovTopConfig

/// Validates a configuration file without starting anything.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a configuration file and print what it sets; exit 1 with the first mistake."
    )

    @Argument(help: ArgumentHelp("The YAML file to check.", valueName: "file"))
    var file: String

    func run() throws {
        do {
            let configuration = try ConfigLoader.load(path: file)
            print("\(file): OK")
            for line in configuration.summaryLines { print("  \(line)") }
        } catch {
            StandardError.write("govtop: \(error)")
            throw ExitCode.failure
        }
    }
}
