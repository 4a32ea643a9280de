import GovTopConfig
import GovTopCore
import GovTopReceiver

extension StartupError {
    /// Opens the record file and starts its writer; a file that cannot be appended to is a
    /// `StartupError` that names it.
    static func recording(_ settings: RecordSettings, policies: [PolicyRule]) throws -> ExportRecorder {
        var configuration = RecorderConfiguration(path: settings.file)
        if let bytes = settings.maxFileBytes { configuration.maxFileBytes = bytes }
        if let keep = settings.keepFiles { configuration.keepFiles = keep }
        do {
            return try ExportRecorder(configuration: configuration, policies: try PolicyEvaluator(rules: policies))
        } catch let error as RecordFileError {
            throw StartupError(description: "\(error). Check --record (or record.file in the configuration).")
        }
    }
}
