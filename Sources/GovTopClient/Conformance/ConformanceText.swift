import GovTopCore

/// `govtop conformance`'s text report: one block per service (worst first), its failing rules with
/// the specification section, counts and an example trace. Service names are cleaned of control
/// characters.
public enum ConformanceText {
    public static func render(_ report: ConformanceReport, spans: Int) -> String {
        var lines = ["GenOps conformance (specification \(report.specVersion)), \(spans) span\(spans == 1 ? "" : "s") read"]
        if report.services.isEmpty { lines.append("no spans: nothing to judge") }
        let width = min(40, report.services.map { ControlCharacters.replaced(in: $0.service).count }.max() ?? 0)
        for service in report.services {
            let name = ControlCharacters.replaced(in: service.service)
            var line = name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + "  "
                + label(service.level).padding(toLength: 15, withPad: " ", startingAt: 0)
            switch service.level {
            case .notGenOps:
                line += "\(service.spans) span\(service.spans == 1 ? "" : "s"), no GenOps AWU"
            case .unknownVersion:
                let versions = service.unknownVersions.keys.sorted().map { ControlCharacters.replaced(in: $0) }.joined(separator: ", ")
                line += "\(service.awus) AWU\(service.awus == 1 ? "" : "s") of version \(versions): not judged"
            default:
                line += "\(service.awus) AWU\(service.awus == 1 ? "" : "s"), \(service.conforming) conforming"
            }
            lines.append(line)
            for (rule, count) in service.failingRules {
                var ruleLine = "    \(rule.rawValue) (§\(rule.section))".padding(toLength: 46, withPad: " ", startingAt: 0) + " \(count)"
                if let example = service.examples[rule]?.last {
                    ruleLine += "  e.g. trace \(example.traceID.hex) span \(example.spanID.hex)"
                }
                lines.append(ruleLine)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func label(_ level: ConformanceLevel) -> String {
        switch level {
        case .full: "full"
        case .partial: "partial"
        case .none: "non-compliant"
        case .notGenOps: "not GenOps"
        case .unknownVersion: "unknown version"
        }
    }
}
