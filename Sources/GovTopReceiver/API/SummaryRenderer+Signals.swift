import GovTopCore

/// Metering and the log store in `/api/v1/summary`.
extension SummaryRenderer {
    static func meteringJSON(_ metering: MeteringSnapshot) -> JSONValue {
        let coverage = metering.coverage
        return .object([
            ("metered_input_tokens", .int(Int64(clamping: metering.totals.inputTokens))),
            ("metered_output_tokens", .int(Int64(clamping: metering.totals.outputTokens))),
            ("metered_cost_usd", .double(metering.totals.cost.usd)),
            ("coverage", coverage.map(JSONValue.double) ?? .null),
            ("coverage_note", .optional(CoverageNote.text(coverage: coverage))),
            ("metric_streams", .int(Int64(metering.streams))),
            ("metric_streams_dropped", .int(Int64(metering.streamsDropped))),
            ("metric_stream_resets", .int(Int64(metering.resets))),
        ])
    }

    static func logStoreJSON(_ logs: LogStoreStatus) -> JSONValue {
        .object([
            ("stored", .int(Int64(logs.stored))),
            ("bytes", .int(Int64(logs.bytes))),
            ("evicted", .int(Int64(logs.evicted))),
            ("refused", .int(Int64(logs.refused))),
        ])
    }
}
