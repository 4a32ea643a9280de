import GovTopCore

/// The metered columns of `/api/v1/groups`: usage reported in metrics beside what spans show.
extension GroupsRenderer {
    /// `metered_input_tokens`, `metered_output_tokens`, `metered_cost_usd` and `coverage` (traced
    /// tokens ÷ metered tokens, `null` when nothing is metered), with `coverage_note` when traces
    /// show less than what was metered.
    static func meteredFields(tracedTokens: Int128, _ metered: MeteredTotals?) -> [(String, JSONValue)] {
        let totals = metered ?? MeteredTotals()
        let coverage = totals.coverage(tracedTokens: tracedTokens)
        return [
            ("metered_input_tokens", .int(Int64(clamping: totals.inputTokens))),
            ("metered_output_tokens", .int(Int64(clamping: totals.outputTokens))),
            ("metered_cost_usd", .double(totals.cost.usd)),
            ("metered_unpriced_tokens", .int(Int64(clamping: totals.unpricedTokens))),
            ("coverage", coverage.map(JSONValue.double) ?? .null),
            ("coverage_note", .optional(CoverageNote.text(coverage: coverage))),
        ]
    }

    /// Groups that only metrics reported (no span of theirs was seen), most metered cost first,
    /// with zero traced figures.
    static func meteredOnlyRows(traced rows: [GroupRow], metered: [String: MeteredTotals]) -> [JSONValue] {
        let tracedKeys = Set(rows.map(\.key))
        let only = metered.filter { !tracedKeys.contains($0.key) }
            .sorted { ($0.value.cost, $0.value.tokens, $1.key) > ($1.value.cost, $1.value.tokens, $0.key) }
        let zeroRates = JSONValue.object([
            ("cost_usd_per_minute", .double(0)), ("tokens_per_minute", .double(0)), ("requests_per_minute", .double(0)),
        ])
        return only.map { key, totals in
            .object([
                ("key", .string(key)),
                ("requests", .int(0)),
                ("input_tokens", .int(0)),
                ("output_tokens", .int(0)),
                ("cost_usd", .double(0)),
                ("cost_usd_reported", .double(0)),
                ("cost_usd_estimated", .double(0)),
                ("unpriced_requests", .int(0)),
                ("errors", .int(0)),
                ("policy_violations", .int(0)),
                ("eval_failures", .int(0)),
                ("cost_usd_per_minute", .double(0)),
                ("rates", .object([("1m", zeroRates), ("5m", zeroRates), ("1h", zeroRates)])),
            ] + meteredFields(tracedTokens: 0, totals))
        }
    }
}
