import GovTopCore

/// Feeds a decoded batch to a small engine with governance on (pricing, groups, budgets, policies)
/// and checks what it then reports: no total, rate or budget figure negative or non-finite, and the
/// span counts add up.
///
/// The batch goes in twice, so that sums which only overflow when added up (two costs of `1e308`)
/// are reached. The engine is new for every input (a crash reproduces from its input alone) and
/// small, so eviction and the `(other)` group are reached with few spans.
public enum EngineProbe {
    static let maxSpans = 48
    static let start: UInt64 = 1_767_225_600_000_000_000  // 2026-01-01T00:00:00Z

    static let configuration = EngineConfiguration(
        store: StoreLimits(maxSpans: maxSpans, maxMemoryBytes: 256 << 10),
        budgets: [
            BudgetDefinition(scope: [.team: "ml"], limitUSD: 1, period: .daily),
            BudgetDefinition(name: "org", limitUSD: 50, period: .monthly, initialConsumedUSD: 10),
        ],
        policies: [
            PolicyRule(name: "pii", check: .pattern(".*SSN.*|[0-9]{3}-[0-9]{2}-[0-9]{4}", keys: nil), action: .redact),
            PolicyRule(name: "cap", check: .limits(maxCostUSD: 0.5, maxTokens: 10_000), action: .alert),
        ],
        maxGroupsPerDimension: 4)

    /// - Parameter verbatimSource: the protobuf body the batch was decoded from, passed on as the
    ///   receiver does; nil for JSON.
    public static func check(_ batch: TraceBatch, verbatimSource: UnsafeRawBufferPointer? = nil) {
        let clock = VirtualClock(start: start)
        let engine = Engine(configuration: configuration, clock: GovClock { clock.tick() })
        var received = 0
        for _ in 0..<2 {
            let result = engine.ingest(batch, verbatimSource: verbatimSource)
            FuzzCheck.require(result.accepted == batch.spanCount,
                              "engine accepted \(result.accepted) of \(batch.spanCount) decoded spans")
            received += result.accepted + result.rejected
        }
        engine.tick()

        let summary = engine.summary()
        FuzzCheck.require(summary.spansReceived == received, "spans received \(summary.spansReceived), fed \(received)")
        FuzzCheck.require(summary.spansStored <= min(maxSpans, received), "spans stored \(summary.spansStored) of \(received)")
        FuzzCheck.require(summary.spansEvicted >= 0 && summary.spansRejected >= 0 && summary.storeBytes >= 0,
                          "negative store counts in \(summary)")
        checkTotal("cost_usd_total", summary.costUSDTotal)
        checkCount("input_tokens_total", summary.inputTokensTotal)
        checkCount("output_tokens_total", summary.outputTokensTotal)

        for series in engine.metrics().series {
            checkTotal("metrics series cost \(series.labels)", series.costUSD)
            checkCount("metrics series input tokens", series.inputTokens)
            checkCount("metrics series output tokens", series.outputTokens)
            FuzzCheck.require(series.requests >= 0, "metrics series requests \(series.requests)")
        }
        for dimension in Dimension.allCases {
            for row in engine.groups(by: dimension) {
                let totals = row.totals
                checkTotal("group \(dimension) cost", totals.costUSD)
                checkCount("group \(dimension) input tokens", totals.inputTokens)
                checkCount("group \(dimension) output tokens", totals.outputTokens)
                for slot in [row.lastMinute, row.last5Minutes, row.lastHour] {
                    checkTotal("group \(dimension) rate cost", slot.costUSD)
                    checkTotal("group \(dimension) rate tokens", slot.tokens)
                }
                for value in row.trend { checkTotal("group \(dimension) trend", value) }
            }
        }
        let rates = engine.summarySnapshot().rates
        for (name, value) in [("cost/min", rates.costUSDPerMinute), ("cost/min 5m", rates.costUSDPerMinute5m),
                              ("cost/min 1h", rates.costUSDPerMinute1h), ("tokens/min", rates.tokensPerMinute),
                              ("requests/min", rates.requestsPerMinute), ("errors/min", rates.errorsPerMinute)] {
            checkTotal("rate \(name)", value)
        }
        for value in rates.costPerSecond + rates.costPerMinute { checkTotal("rate series", value) }
        for budget in engine.budgets() {
            for (name, value) in [("consumed_usd", budget.consumedUSD), ("remaining_usd", budget.remainingUSD),
                                  ("overage_usd", budget.overageUSD), ("utilization", budget.utilization),
                                  ("burn_usd_per_hour", budget.burnUSDPerHour)] {
                guard let value else { continue }
                checkTotal("budget \(budget.name) \(name)", value)
            }
        }
    }

    /// Issue 9 item 3 and 4: no total may become negative, NaN or infinite by any input.
    private static func checkTotal(_ what: String, _ value: Double) {
        FuzzCheck.require(FuzzCheck.isSane(value), "\(what) is \(value): a total must stay finite and non-negative")
    }

    private static func checkCount(_ what: String, _ value: some BinaryInteger) {
        FuzzCheck.require(value >= 0, "\(what) is \(value): a count must stay non-negative")
    }
}
