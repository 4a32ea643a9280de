import GovTopCore

/// Metering and the log store in `/metrics`.
extension MetricsRenderer {
    static func renderSignals(_ summary: Summary, into out: inout PrometheusWriter) {
        let metering = summary.metering
        out.family("govtop_metered_tokens_total", .counter, "Tokens reported by gen_ai.client.token.usage, by type.")
        out.sample("govtop_metered_tokens_total", labels: [("type", "input")], Double(metering.totals.inputTokens))
        out.sample("govtop_metered_tokens_total", labels: [("type", "output")], Double(metering.totals.outputTokens))
        out.family("govtop_metered_cost_usd_total", .counter, "Cost reported by gen_ai.usage.cost, or metered tokens priced.")
        out.sample("govtop_metered_cost_usd_total", metering.totals.cost.usd)
        out.family("govtop_metric_streams", .gauge, "Cumulative metering streams followed.")
        out.sample("govtop_metric_streams", Double(metering.streams))
        out.family("govtop_metric_streams_dropped_total", .counter, "Readings of new metric streams refused because the stream table was full.")
        out.sample("govtop_metric_streams_dropped_total", Double(metering.streamsDropped))
        out.family("govtop_log_records_stored", .gauge, "Log records held in the log store.")
        out.sample("govtop_log_records_stored", Double(summary.logStore.stored))
        out.family("govtop_log_records_evicted_total", .counter, "Log records evicted from the log store to make room.")
        out.sample("govtop_log_records_evicted_total", Double(summary.logStore.evicted))
    }
}
