/// Reads `receiver: {grpc_port, max_connections, header_timeout, idle_timeout, min_body_rate, max_inflight,
/// max_decode_ratio, max_export_queue}`: the limits that keep hoarded or slow connections from
/// locking clients out and what requests may cost in memory. Each key is optional; a key
/// left out keeps the receiver's default.
enum ReceiverSection {
    enum Expected {
        static let section = "a mapping of receiver limits"
        static let grpcPort = "a TCP port from 1 to 65535, or 0 to turn the OTLP/gRPC receiver off"
        static let maxConnections = "a whole number of connections from 1 to 1000000"
        static let headerTimeout = "a duration greater than 0 and at most 1 hour such as 10s, or a number of seconds"
        static let idleTimeout = "a duration greater than 0 and at most 1 day such as 60s or 5m, or a number of seconds"
        static let minBodyRate = "a size per second from 1 byte to 1GiB such as 32KiB, or a number of bytes"
        static let maxInflight = "a size from 1MiB to 64GiB such as 256MiB, at least max_body"
        static let maxDecodeRatio = "a whole number from 1 to 1000"
        static let maxExportQueue = "a whole number of exports from 1 to 100000"
    }

    static let maxConnectionsRange = 1...1_000_000
    static let minBodyRateRange = 1...(1 << 30)
    static let maxInflightRange = (1 << 20)...(64 << 30)

    static func read(_ node: ConfigNode) throws(ConfigError) -> ReceiverSettings {
        var settings = ReceiverSettings()
        for entry in try node.entries(expected: Expected.section) {
            let value = entry.value
            switch entry.key {
            case "grpc_port":
                settings.grpcPort = try value.integer(expected: Expected.grpcPort, in: 0...65_535)
            case "max_connections":
                settings.maxConnections = try value.integer(expected: Expected.maxConnections, in: maxConnectionsRange)
            case "header_timeout":
                settings.headerTimeoutSeconds = try duration(value, expected: Expected.headerTimeout, atMost: 3_600)
            case "idle_timeout":
                settings.idleTimeoutSeconds = try duration(value, expected: Expected.idleTimeout, atMost: 86_400)
            case "min_body_rate":
                settings.minBodyBytesPerSecond = try ConfigDocument.size(value, expected: Expected.minBodyRate, in: minBodyRateRange)
            case "max_inflight":
                settings.maxInflightBytes = try ConfigDocument.size(value, expected: Expected.maxInflight, in: maxInflightRange)
            case "max_decode_ratio":
                settings.maxDecodeRatio = try value.integer(expected: Expected.maxDecodeRatio, in: 1...1_000)
            case "max_export_queue":
                settings.maxExportQueue = try value.integer(expected: Expected.maxExportQueue, in: 1...100_000)
            default:
                throw entry.unknown(allowed: ConfigKeys.receiver)
            }
        }
        return settings
    }

    private static func duration(_ value: ConfigNode, expected what: String, atMost maximum: Double) throws(ConfigError) -> Double {
        guard let seconds = DurationText.seconds(try value.text(expected: what)), seconds > 0, seconds <= maximum else {
            throw value.expected(what)
        }
        return seconds
    }
}
