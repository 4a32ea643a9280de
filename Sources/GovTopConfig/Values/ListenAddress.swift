/// The `listen` setting: a host, or a host and a port.
///
/// Accepted forms: `127.0.0.1`, `localhost:4318`, `0.0.0.0:4318`, `::1` (an IPv6 address alone),
/// `[::1]` and `[::1]:4318`. The host is kept without brackets.
public struct ListenAddress: Sendable, Equatable {
    public var host: String
    public var port: Int?

    static let ports = 1...65_535

    public init(host: String, port: Int?) {
        self.host = host
        self.port = port
    }

    public init?(_ text: String) {
        let host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":") else { return nil }
                portText = rest.dropFirst()
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = Substring(text)
        }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == "[" || $0 == "]" }) else { return nil }
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), portText.count <= 5,
                  let port = Int(portText), Self.ports.contains(port) else { return nil }
            self.port = port
        } else {
            self.port = nil
        }
        self.host = String(host)
    }
}
