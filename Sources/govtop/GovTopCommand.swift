import ArgumentParser

/// The `govtop` command line: the dashboard by default, with subcommands for the tools around it.
@main
struct GovTopCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "govtop",
        abstract: "A terminal dashboard for live AI governance, fed by OpenTelemetry (OTLP/HTTP).",
        subcommands: [RunCommand.self, CheckConfigCommand.self, DemoCommand.self, ReplayCommand.self, RenderCommand.self,
                      AttachCommand.self, ConformanceCommand.self],
        defaultSubcommand: RunCommand.self
    )

    static func main() async {
        MallocTuning.apply()
        await main(nil)
    }
}
