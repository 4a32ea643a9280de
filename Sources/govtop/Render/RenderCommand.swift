import ArgumentParser
import Foundation
import GovTopConfig
import GovTopRender
import GovTopUI

/// `govtop render`: one view after some seconds of demo traffic, to a file, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render one view of the dashboard after N seconds of demo traffic, as text, ANSI or SVG.",
        discussion: """
            The demo runs on a virtual clock from a fixed start with a fixed seed, so the same command \
            always writes the same bytes. Times are shown in UTC. The trace view opens the most \
            expensive agent trace in the list; help shows the help overlay over the dashboard.
            """
    )

    @Option(name: .long, help: ArgumentHelp("What to draw: the dashboard, one panel zoomed, the trace detail or the help overlay.", valueName: "view"))
    var view: RenderView = .dashboard

    @Option(name: .long, help: ArgumentHelp("Screen size in cells.", valueName: "WxH"))
    var size: String = "120x40"

    @Option(name: .long, help: ArgumentHelp("Theme name (from the themes folder) or path to a theme file.", valueName: "name|path"))
    var theme: String = "default"

    @Option(name: .long, help: ArgumentHelp("txt, ansi (true colour) or svg (default: from --output's extension, else txt).", valueName: "format"))
    var format: RenderFormat?

    @Option(name: .long, help: ArgumentHelp("Seconds of demo traffic before the picture (0–\(DemoReplay.maximumSeconds)).", valueName: "n"))
    var seconds: Int = 150

    @Option(name: .long, help: ArgumentHelp("Seed of the demo generator.", valueName: "n"))
    var seed: UInt64 = 42

    @Flag(name: .long, help: "Draw lines and marks with ASCII only.")
    var ascii = false

    @Option(name: [.short, .long], help: ArgumentHelp("File to write (default: stdout).", valueName: "file"))
    var output: String?

    func validate() throws {
        do {
            _ = try RenderSize(parsing: size)
        } catch {
            throw ValidationError("--size: \(error.message).")
        }
        guard (0...DemoReplay.maximumSeconds).contains(seconds) else {
            throw ValidationError("--seconds must be from 0 to \(DemoReplay.maximumSeconds), not \(seconds).")
        }
        if format == nil, let output, RenderFormat(fileName: output) == nil, output.contains(".") {
            let known = RenderFormat.allCases.map { ".\($0.rawValue)" }.joined(separator: ", ")
            throw ValidationError("--output \(output): say --format, or use one of the extensions \(known).")
        }
    }

    func run() throws {
        let chosenFormat = format ?? output.flatMap { RenderFormat(fileName: $0) } ?? .txt
        let currentDirectory = FileManager.default.currentDirectoryPath
        let catalog = ThemeCatalog(environment: ProcessInfo.processInfo.environment,
                                   executablePath: RunCommand.executablePath, currentDirectory: currentDirectory)
        do {
            let resolvedTheme = try catalog.load(theme, origin: "--theme", base: currentDirectory)
            let bytes = try Renderer.render(view: view, size: RenderSize(parsing: size), theme: resolvedTheme,
                                            format: chosenFormat, seconds: seconds, seed: seed, ascii: ascii)
            try write(bytes)
        } catch let error as ConfigError {
            StandardError.write("govtop: \(error)")
            throw ExitCode.failure
        } catch let error as RenderError {
            StandardError.write("govtop render: \(error)")
            throw ExitCode.failure
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        guard let output, output != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            StandardError.write("govtop render: cannot write \(output): \((error as NSError).localizedDescription)")
            throw ExitCode.failure
        }
    }
}

extension RenderView: ExpressibleByArgument {}
extension RenderFormat: ExpressibleByArgument {}
