import GovTopCore

/// Reads `alerts: {cost_spike_factor, ..., max_alerts}`; durations are at most a day.
enum AlertsSection {
    enum Expected {
        static let section = "a mapping of alert settings"
        static let costSpikeFactor = "a number greater than 1"
        static let costSpikeMinimum = "a number of US dollars per minute of 0 or more"
        static let errorRateThreshold = "a fraction greater than 0 and at most 1"
        static let errorRateMinimumRequests = "a whole number of requests from 1 to 1000000"
        static let duration = "a duration of at most 1 day such as 90s or 5m, or a number of seconds"
        static let maxAlerts = "a whole number from 10 to 1000000"
        static let slaMissRateThreshold = "a fraction greater than 0 and at most 1"
        static let slaMinimumChecks = "a whole number of SLA-checked spans from 1 to 1000000"
    }

    static let maximumDurationSeconds = 86_400.0

    static func read(_ node: ConfigNode) throws(ConfigError) -> AlertSettings {
        var settings = AlertSettings()
        for entry in try node.entries(expected: Expected.section) {
            let value = entry.value
            switch entry.key {
            case "cost_spike_factor":
                settings.costSpikeFactor = try value.number(expected: Expected.costSpikeFactor) { $0 > 1 }
            case "cost_spike_min_usd_per_minute":
                settings.costSpikeMinimumUSDPerMinute = try value.number(expected: Expected.costSpikeMinimum) { $0 >= 0 }
            case "error_rate_threshold":
                settings.errorRateThreshold = try value.number(expected: Expected.errorRateThreshold) { $0 > 0 && $0 <= 1 }
            case "error_rate_min_requests":
                settings.errorRateMinimumRequests = try value.integer(expected: Expected.errorRateMinimumRequests, in: 1...1_000_000)
            case "cost_spike_min_baseline":
                settings.spikeBaselineMinimumSeconds = try duration(value)
            case "resolve_after":
                settings.resolveAfterSeconds = try duration(value)
            case "reactivate_within":
                settings.reactivateWithinSeconds = try duration(value)
            case "sla_miss_rate_threshold":
                settings.slaMissRateThreshold = try value.number(expected: Expected.slaMissRateThreshold) { $0 > 0 && $0 <= 1 }
            case "sla_min_checks":
                settings.slaMinimumChecks = try value.integer(expected: Expected.slaMinimumChecks, in: 1...1_000_000)
            case "max_alerts":
                settings.maxAlerts = try value.integer(expected: Expected.maxAlerts, in: 10...1_000_000)
            default:
                throw entry.unknown(allowed: ConfigKeys.alerts)
            }
        }
        return settings
    }

    private static func duration(_ value: ConfigNode) throws(ConfigError) -> Double {
        guard let seconds = DurationText.seconds(try value.text(expected: Expected.duration)), seconds <= maximumDurationSeconds else {
            throw value.expected(Expected.duration)
        }
        return seconds
    }
}
