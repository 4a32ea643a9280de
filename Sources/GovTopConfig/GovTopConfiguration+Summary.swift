extension GovTopConfiguration {
    /// `127.0.0.1:4318`, or `[::1]:4318` for an IPv6 host.
    public var listenAddress: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// What the configuration sets, one line per area, for `govtop check-config` to show after a
    /// file validates.
    public var summaryLines: [String] {
        let store = engine.store
        var lines = [
            "listen \(listenAddress), max body \(ByteSizeText.format(maxBodyBytes))",
            "store \(store.maxSpans) spans or \(ByteSizeText.format(store.maxMemoryBytes)), time zone \(engine.timeZone.identifier), \(engine.maxGroupsPerDimension) groups per dimension",
            Self.counted(engine.budgets.map(\.name), "budget"),
            Self.counted(engine.policies.map(\.name), "policy", plural: "policies"),
            Self.counted(pricingOverrides.map { "\($0.name) (\($0.provider))" }, "price override"),
        ]
        if let receiverLine { lines.insert(receiverLine, at: 1) }
        if !notifications.isEmpty { // notifications: issue 15
            lines.append(Self.counted(notifications.map { "\($0.name) (\($0.target.shown))" }, "notification sink"))
        }
        if let theme { lines.append("theme \(theme)") }
        if !mouse { lines.append("mouse off") }
        return lines
    }

    /// The `receiver:` limits that are set, nil when all are the defaults.
    private var receiverLine: String? {
        var parts: [String] = []
        if let port = receiver.grpcPort { parts.append(port == 0 ? "gRPC off" : "gRPC port \(port)") }
        if let count = receiver.maxConnections { parts.append("max \(count) connections") }
        if let seconds = receiver.headerTimeoutSeconds { parts.append("header timeout \(Self.seconds(seconds))") }
        if let seconds = receiver.idleTimeoutSeconds { parts.append("idle timeout \(Self.seconds(seconds))") }
        if let rate = receiver.minBodyBytesPerSecond { parts.append("min body rate \(ByteSizeText.format(rate))/s") }
        if let bytes = receiver.maxInflightBytes { parts.append("max in flight \(ByteSizeText.format(bytes))") }
        if let ratio = receiver.maxDecodeRatio { parts.append("decode ratio \(ratio)") }
        if let count = receiver.maxExportQueue { parts.append("export queue \(count)") }
        return parts.isEmpty ? nil : "receiver " + parts.joined(separator: ", ")
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? "\(Int(value))s" : "\(value)s"
    }

    private static func counted(_ names: [String], _ noun: String, plural: String? = nil) -> String {
        let word = names.count == 1 ? noun : plural ?? noun + "s"
        return names.isEmpty ? "no \(word)" : "\(names.count) \(word): " + names.joined(separator: ", ")
    }
}
