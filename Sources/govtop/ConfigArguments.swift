import ArgumentParser
import GovTopConfig

extension ListenAddress: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A size on the command line, in the same forms the config file accepts (`64MiB`, `512MB`, bytes).
struct SizeArgument: ExpressibleByArgument {
    var bytes: Int

    init?(argument: String) {
        guard let bytes = ByteSizeText.bytes(argument) else { return nil }
        self.bytes = bytes
    }
}

/// A duration on the command line, in the same forms the config file accepts (`10s`, `500ms`, `2m`, seconds).
struct DurationArgument: ExpressibleByArgument {
    var seconds: Double

    init?(argument: String) {
        guard let seconds = DurationText.seconds(argument) else { return nil }
        self.seconds = seconds
    }
}
