import ArgumentParser
import Foundation
import GovTopClient
import GovTopConfig

/// `govtop attach URL [URL…]`: the dashboard of one or more running govtops, drawn from their
/// JSON APIs instead of a receiver of its own.
struct AttachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Draw the dashboard of running govtops from their JSON APIs (same views and keys).",
        discussion: """
            Each URL is a govtop's HTTP address, e.g. http://127.0.0.1:4318 or https://govtop.example:4318. \
            Every instance is polled about once a second. Traces of all instances are merged (newest first); \
            a trace's detail is fetched from the instance that has it when it is opened. Teams and budgets \
            come from the first instance (in the order given) that answers: fleet-wide when the instances \
            share a PostgreSQL ledger, that instance's own otherwise. Totals in the header are summed. \
            Acknowledging an alert (a) is sent to the instance that raised it. An instance that does not \
            answer is named in the header. https:// URLs are verified against the system's trust store, \
            or against --ca-file. If an instance refuses the token (or wants one) or its certificate does \
            not verify, attach says which and exits before the screen changes.
            """
    )

    @Argument(help: ArgumentHelp("Addresses of running govtops.", valueName: "url"))
    var urls: [String]

    @Option(name: .long, help: ArgumentHelp("A file holding the bearer token the govtops require (sent as Authorization: Bearer).", valueName: "file"))
    var tokenFile: String?

    @Option(name: .long, help: ArgumentHelp("A PEM file of CA certificates to verify https:// govtops against, instead of the system's.", valueName: "file"))
    var caFile: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file, for theme: and mouse: (default: $XDG_CONFIG_HOME/govtop/config.yaml if it exists).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Dashboard theme: a name or a theme file's path. Press t to cycle.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection).")
    var noMouse = false

    @Option(name: .long, help: ArgumentHelp("Where the dashboard logs (default $XDG_STATE_HOME/govtop/govtop.log, else /tmp/govtop-UID.log).", valueName: "file"))
    var logFile: String?

    func validate() throws {
        guard urls.count <= 64 else { throw ValidationError("at most 64 govtops can be attached at once, not \(urls.count).") }
        for url in urls {
            do throws(EndpointError) { _ = try GovTopURL(parsing: url) } catch { throw ValidationError("\(error.reason): '\(url)'.") }
        }
        if let tokenFile { _ = try AttachToken.read(tokenFile) }
    }

    func run() async throws {
        let targets = try urls.map { text throws in try GovTopURL(parsing: text) }
        let token = try tokenFile.map { path throws in try AttachToken.read(path) }
        let tls = TLSSettings(caFile: caFile)
        let clients: [GovTopAPIClient]
        do {
            clients = try targets.map { target throws(TLSSetupError) in try GovTopAPIClient(url: target, token: token, tls: tls) }
        } catch {
            throw ValidationError("--ca-file: \(error).")
        }
        let path = config ?? ConfigLoader.defaultPath(environment: ProcessInfo.processInfo.environment)
        let configuration = try path.map { path throws(ConfigError) in try ConfigLoader.load(path: path) } ?? GovTopConfiguration()
        let options = try RunCommand.dashboardOptions(configuration, theme: theme, bell: false, logFile: logFile, noMouse: noMouse)
        try await AttachRunner(clients: clients, options: options).run()
    }
}

/// The bearer token of `--token-file`: the file's first line, whitespace trimmed.
enum AttachToken {
    static func read(_ path: String) throws(ValidationError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("--token-file: cannot read \(path) (missing, or not readable).")
        }
        guard data.count <= 4096 else { throw ValidationError("--token-file: \(path) is larger than 4KiB; it should hold one token.") }
        let text = String(decoding: data, as: UTF8.self)
        let token = (text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw ValidationError("--token-file: \(path) is empty; put the token on its first line.") }
        guard token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw ValidationError("--token-file: the token in \(path) must be printable ASCII without spaces.")
        }
        return token
    }
}
