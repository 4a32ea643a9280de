import ArgumentParser

/// `--listen HOST`, `HOST:PORT`, `[IPv6]:PORT` or a bare IPv6 address.
struct ListenAddress: ExpressibleByArgument, Equatable {
    var host: String
    var port: Int?

    init(host: String, port: Int? = nil) {
        self.host = host
        self.port = port
    }

    init?(argument: String) {
        if argument.hasPrefix("[") {
            guard let close = argument.firstIndex(of: "]") else { return nil }
            host = String(argument[argument.index(after: argument.startIndex)..<close])
            let rest = argument[argument.index(after: close)...]
            if rest.isEmpty {
                port = nil
            } else {
                guard rest.hasPrefix(":"), let value = Int(rest.dropFirst()), (0...65535).contains(value) else { return nil }
                port = value
            }
        } else if argument.filter({ $0 == ":" }).count == 1 {
            let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
            guard let value = Int(parts[1]), (0...65535).contains(value) else { return nil }
            host = String(parts[0])
            port = value
        } else {
            host = argument
            port = nil
        }
        if host.isEmpty { return nil }
    }

    static var defaultValueDescription: String { "127.0.0.1" }
}
