import Foundation
import GovTopConfig
import GovTopTheme

extension RunCommand {
    /// The dashboard's options: the theme from `--theme`, else the configuration's `theme:`, else
    /// "default"; a theme that does not load stops govtop here, before the terminal is touched.
    func dashboardOptions(_ configuration: GovTopConfiguration) throws(ConfigError) -> DashboardOptions {
        try Self.dashboardOptions(configuration, theme: theme, bell: bell, logFile: logFile, noMouse: noMouse)
    }

    /// The same for any command that draws the dashboard (`govtop attach` too).
    static func dashboardOptions(_ configuration: GovTopConfiguration, theme: String?, bell: Bool, logFile: String?,
                                 noMouse: Bool) throws(ConfigError) -> DashboardOptions {
        let environment = ProcessInfo.processInfo.environment
        let currentDirectory = FileManager.default.currentDirectoryPath
        let catalog = ThemeCatalog(environment: environment, executablePath: Self.executablePath,
                                   currentDirectory: currentDirectory)
        let selected: Theme
        if let theme {
            selected = try catalog.load(theme, origin: "--theme", base: currentDirectory)
        } else if let theme = configuration.theme {
            let source = configuration.source ?? "configuration"
            let base = configuration.source.map { (($0 as NSString).deletingLastPathComponent as String) } ?? ""
            selected = try catalog.load(theme, origin: source, base: base.isEmpty ? currentDirectory : base)
        } else {
            selected = try catalog.load("default", origin: "--theme", base: currentDirectory)
        }
        return DashboardOptions(
            theme: selected, themes: catalog, bell: bell,
            logFile: logFile ?? FileLogger.defaultPath(environment: environment),
            exportDirectory: currentDirectory, environment: environment,
            utcOffsetSeconds: TimeZone.current.secondsFromGMT(), mouse: !noMouse && configuration.mouse)
    }

    /// The running executable, symbolic links resolved (for finding the repository's themes).
    static var executablePath: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
    }
}
