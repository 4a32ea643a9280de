/// Whether a listen address reaches only this machine.
public enum LoopbackHost {
    /// True for `localhost`, IPv4 127.0.0.0/8, `::1` and IPv4-mapped `::ffff:127.x.y.z`; every other
    /// address and host name (including `0.0.0.0`, `::` and this machine's own names) counts as
    /// reachable from elsewhere.
    public static func contains(_ host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "localhost." { return true }
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        if host.hasPrefix("::ffff:") { host.removeFirst("::ffff:".count) }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt8($0) != nil }) else {
            return false
        }
        return parts[0] == "127"
    }
}
