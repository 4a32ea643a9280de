import Foundation
import GovTopCore

/// Reads the top-level mapping of a configuration document into `GovTopConfiguration`.
///
/// Keys are read in document order and the first problem is thrown, so the error reported is the
/// first one in the file (checks across keys, such as a port given twice, come after).
enum ConfigDocument {
    enum Expected {
        static let root = "a mapping of settings at the top level"
        static let listen = "a host or host:port such as 127.0.0.1, localhost:4318 or [::1]:4318"
        static let httpPort = "a port number from 1 to 65535"
        static let maxBody = "a size from 1KiB to 1GiB such as 64MiB, or a number of bytes"
        static let timeZone = "an IANA time zone name such as UTC or Europe/Paris"
        static let maxGroups = "a whole number from 1 to 1000000"
        static let theme = "a theme name or path"
        static let pricingFile = "the path of a pricing file in the format of govtop's pricing.json"
        static let mouse = "true or false"
    }

    static let maxBodyRange = 1024...(1 << 30)
    static let maxGroupsRange = 1...EngineConfiguration.groupLimit

    static func read(_ root: ConfigNode) throws(ConfigError) -> GovTopConfiguration {
        var configuration = GovTopConfiguration()
        var listenPort: (port: Int, node: ConfigNode)?
        var httpPort: (port: Int, node: ConfigNode)?
        var pricing: ConfigNode?
        for entry in try root.entries(expected: Expected.root) {
            let value = entry.value
            switch entry.key {
            case "listen":
                guard let address = ListenAddress(try value.text(expected: Expected.listen)) else { throw value.expected(Expected.listen) }
                configuration.host = address.host
                if let port = address.port { listenPort = (port, value) }
            case "http_port":
                httpPort = (try value.integer(expected: Expected.httpPort, in: ListenAddress.ports), value)
            case "max_body":
                configuration.maxBodyBytes = try size(value, expected: Expected.maxBody, in: maxBodyRange)
            case "receiver":
                configuration.receiver = try ReceiverSection.read(value)
            case "store":
                configuration.engine.store = try StoreSection.read(value)
            case "time_zone":
                configuration.engine.timeZone = try timeZone(value)
            case "max_groups_per_dimension":
                configuration.engine.maxGroupsPerDimension = try value.integer(expected: Expected.maxGroups, in: maxGroupsRange)
            case "theme":
                configuration.theme = try value.text(expected: Expected.theme)
            case "pricing_file":
                // Empty: the shipped table, as when the key is absent.
                configuration.pricingFile = value.isNull ? nil : PricingFileSetting(
                    path: try value.text(expected: Expected.pricingFile), line: value.mark?.line, column: value.mark?.column)
            case "record":
                configuration.record = try RecordSection.read(value)
            case "ledger": // fleet: issue 16
                configuration.ledger = try LedgerSection.read(value)
            case "mouse":
                switch try value.text(expected: Expected.mouse).lowercased() {
                case "true", "yes", "on": configuration.mouse = true
                case "false", "no", "off": configuration.mouse = false
                default: throw value.expected(Expected.mouse)
                }
            case "pricing":
                configuration.pricingOverrides = try PricingSection.read(value)
                pricing = value
            case "budgets":
                configuration.engine.budgets = try BudgetsSection.read(value)
            case "policies":
                configuration.engine.policies = try PoliciesSection.read(value)
            case "alerts":
                configuration.engine.alerts = try AlertsSection.read(value)
            case "decision": // decide (issue 15)
                configuration.decision = try DecisionSection.read(value)
            case "notifications": // notifications: issue 15
                configuration.notifications = try NotificationsSection.read(value)
            default:
                guard try AccessSection.read(entry.key, value, into: &configuration.access) else { // auth: issue 16
                    throw entry.unknown(allowed: ConfigKeys.topLevel)
                }
            }
        }
        if let listenPort, let httpPort, listenPort.port != httpPort.port {
            let line = listenPort.node.mark.map { " (line \($0.line))" } ?? ""
            throw httpPort.node.error("\(httpPort.port) differs from the port \(listenPort.port) in listen\(line); give the port in one place")
        }
        configuration.port = httpPort?.port ?? listenPort?.port ?? GovTopConfiguration.defaultPort
        if let pricing, !configuration.pricingOverrides.isEmpty {
            do {
                configuration.engine.pricing = try PricingTable.shipped.merging(overrides: configuration.pricingOverrides, source: "pricing")
            } catch {
                throw pricing.error("cannot be laid over the shipped prices: \(error)")
            }
        }
        return configuration
    }

    /// A size in bytes within `range`, written as a number of bytes or with a unit.
    static func size(_ value: ConfigNode, expected what: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let bytes = ByteSizeText.bytes(try value.text(expected: what)), range.contains(bytes) else { throw value.expected(what) }
        return bytes
    }

    static func timeZone(_ value: ConfigNode) throws(ConfigError) -> TimeZone {
        let name = try value.text(expected: Expected.timeZone)
        if let zone = TimeZone(identifier: name) { return zone }
        throw value.expected(Expected.timeZone, suggestion: KeySuggestion.nearest(to: name, among: TimeZone.knownTimeZoneIdentifiers))
    }
}
