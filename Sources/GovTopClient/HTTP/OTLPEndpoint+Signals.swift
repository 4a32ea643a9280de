extension OTLPEndpoint {
    /// The path exports of `signal` go to: the endpoint's path with its `/v1/<signal>` ending (if
    /// any) replaced, so `http://host:4318`, `http://host:4318/v1/traces` and
    /// `http://gateway/otlp?tenant=a` send metrics to `/v1/metrics`, `/v1/metrics` and
    /// `/otlp/v1/metrics?tenant=a`.
    public func path(for signal: RecordedSignal) -> String {
        var base = path
        var query = ""
        if let start = base.firstIndex(of: "?") {
            query = String(base[start...])
            base = String(base[..<start])
        }
        for known in RecordedSignal.allCases where base.hasSuffix(known.path) {
            base.removeLast(known.path.count)
            break
        }
        while base.hasSuffix("/") { base.removeLast() }
        return base + signal.path + query
    }
}
