import GovTopConfig
import GovTopDemo
import GovTopClient

/// `govtop --demo`: the demo fleet's traffic sent over real OTLP/HTTP to govtop's own receiver,
/// and the demo's budgets, policies and alert tuning in the engine.
enum DemoTraffic {
    /// The fleet has been running this long when govtop starts: the first export carries those
    /// spans, so every team shows at once (research's first calls take over 15 s), and the story
    /// runs this much ahead: growth's budget warns after about 10–25 s and runs out after about
    /// 115–130 s.
    static let warmUp = Duration.seconds(20)

    /// Starts sending to the service's receiver (over loopback when it listens on every interface).
    static func start(for service: GovTopService) -> DemoDriver {
        let host = switch service.receiver.host {
        case "0.0.0.0", "": "127.0.0.1"
        case "::", "[::]": "::1"
        default: service.receiver.host
        }
        let driver = DemoDriver(endpoint: OTLPEndpoint(host: host, port: service.port), warmUp: warmUp)
        driver.start()
        return driver
    }
}

extension GovTopConfiguration {
    /// The demo's budgets, policies and alert settings in place of the configured ones; the store,
    /// pricing, time zone and listen address stay as configured.
    mutating func useDemoGovernance() {
        let demo = DemoScenario.configuration()
        engine.budgets = demo.budgets
        engine.policies = demo.policies
        engine.alerts = demo.alerts
    }
}
