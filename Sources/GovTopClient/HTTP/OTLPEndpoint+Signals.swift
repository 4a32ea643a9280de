extension OTLPEndpoint {
    /// The path exports of `signal` go to: the endpoint's path with its `/v1/<signal>` ending (if
    /// any) replaced, so `http://host:4318`, `http://host:4318/v1/traces` and
    /// `http://gateway/otlp` send to `/v1/metrics`, `/v1/metrics` and `/otlp/v1/metrics`.
    public func path(for signal: RecordedSignal) -> String {
        var base = path
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        for known in RecordedSignal.allCases where base.hasSuffix(known.path) {
            base.removeLast(known.path.count)
            break
        }
        while base.hasSuffix("/") { base.removeLast() }
        return base + signal.path
    }
}
