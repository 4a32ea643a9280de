import GovTopCore

/// The keys each mapping of the configuration file may hold, in the order the example documents them.
///
/// Anything else is an error that suggests the nearest of these.
public enum ConfigKeys {
    public static let topLevel = [
        "listen", "http_port", "max_body", "receiver", "store", "time_zone", "max_groups_per_dimension", "theme", "mouse",
        "pricing_file", "pricing", "budgets", "policies", "alerts", "record", "decision",
        "token_file", "metrics_auth", "otlp_auth", "tls", // auth: issue 16
        "notifications", // notifications: issue 15
        "ledger", // fleet: issue 16
    ]
    public static let tls = ["cert", "key"]
    public static let receiver = ["grpc_port", "max_connections", "header_timeout", "idle_timeout", "min_body_rate", "max_inflight",
                                  "max_decode_ratio", "max_export_queue"]
    public static let store = ["max_spans", "max_memory"]
    public static let record = ["file", "max_bytes", "keep"]
    public static let price = ["model", "provider", "input", "output", "cached_input", "cache_write", "aliases"]
    /// `name`, the scope dimensions (`team`, ..., `service`), then the budget's own settings.
    public static let budget = ["name"] + Dimension.allCases.map(\.rawValue) + ["limit", "period", "time_zone", "reset_at", "thresholds", "consumed", "action", "source"]
    /// decide (issue 15): `decision:` and the dimensions its `headers:` may name.
    public static let decision = ["headers", "deny_status"]
    public static let decisionHeaders = Dimension.allCases.map(\.rawValue)
    public static let policy = ["name", "pattern", "keys", "when", "max_cost", "max_tokens", "action", "severity"]
    /// The keys of a negated condition, `{not: ...}`.
    public static let negatedCondition = ["not"]
    /// One sink of `notifications:` (issue 15).
    public static let notification = ["kind", "url", "run", "name", "min_severity", "kinds", "repeat_after", "resolved", "timeout",
                                      "retries", "backoff", "max_backoff", "queue", "failure_alert_after"]
    public static let alerts = [
        "cost_spike_factor", "cost_spike_min_usd_per_minute", "cost_spike_min_baseline", "error_rate_threshold",
        "error_rate_min_requests", "resolve_after", "reactivate_within", "max_alerts",
        "sla_miss_rate_threshold", "sla_min_checks",
    ]
}
