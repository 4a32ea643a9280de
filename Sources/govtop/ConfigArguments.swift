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
