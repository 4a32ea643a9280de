/// Why a replay (or one line of it) failed, worded for the person running it.
public struct ReplayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, when the problem is in one.
    public var file: String?
    /// 1-based line number, when the problem is one line.
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var text = ""
        if let file { text += file + ":" }
        if let line { text += "\(line):" }
        return text.isEmpty ? message : text + " " + message
    }
}
