/// Metrics in the engine: every point is counted; the metering metrics (`gen_ai.client.token.usage`,
/// `gen_ai.usage.cost`) become metered usage per group, and feed budgets whose source is `metered`.
/// Traced figures, the ledger and traced budgets are never touched, so nothing counts twice.
extension Engine {
    /// Counts the batch's points and meters what it reports. Readings are extracted before the
    /// lock; under it, each stream turns its reading into a delta and the delta is priced (when
    /// the resource reports no cost of its own) and recorded.
    @discardableResult
    public func ingest(_ batch: MetricBatch) -> Int {
        let points = batch.pointCount
        metricPoints.add(points, ordering: .relaxed)
        let resources = batch.resourceMetrics.map(MeteringReader.readings).filter { !$0.readings.isEmpty }
        guard !resources.isEmpty else { return points }
        var prices = governance.map { PriceLookupCache(table: $0.pricing) }
        let now = clock.now()
        state.withLock { state in
            for resource in resources {
                for reading in resource.readings {
                    let usage: MeteredUsage?
                    if resource.reportsCost || prices == nil {
                        usage = state.metering.usage(of: reading, price: nil)
                    } else {
                        usage = state.metering.usage(of: reading) { facts, input, output in
                            Self.price(facts, input: input, output: output, prices: &prices!)
                        }
                    }
                    if let usage { state.recordMetered(usage, at: now) }
                }
            }
            state.publishDecisions(to: decisions, now: now) // decide (issue 15)
        }
        return points
    }

    /// `gen_ai.client.token.usage` has no cached or reasoning split: plain input and output rates.
    private static func price(_ facts: GovernanceFacts, input: Int64, output: Int64, prices: inout PriceLookupCache) -> Money? {
        guard let model = facts.model else { return nil }
        let usage = TokenUsage(input: input, output: output, cachedInput: 0, cacheWrite: 0, reasoning: 0)
        guard case .priced(let usd) = prices.estimate(model: model, provider: facts.provider, usage: usage) else { return nil }
        return Money(usd: usd, limit: ValueBounds.maxBudgetUSD)
    }

    /// Metered usage in total and the traced tokens it is compared with.
    public func meteringSnapshot() -> MeteringSnapshot {
        state.withLock { state in state.meteringSnapshot() }
    }
}

extension EngineState {
    mutating func recordMetered(_ usage: MeteredUsage, at now: UInt64) {
        metering.table.add(usage)
        budgets.recordMetered(usage.cost, at: now, facts: usage.facts, attribution: usage.facts.attribution)
    }

    func meteringSnapshot() -> MeteringSnapshot {
        MeteringSnapshot(totals: metering.table.totals,
                         tracedTokens: ledger.totals.inputTokens + ledger.totals.outputTokens,
                         streams: metering.streams.count, streamsDropped: metering.streams.droppedReadings,
                         resets: metering.streams.resets)
    }

    /// The metered groups of a dimension, for the groups snapshot.
    func meteredGroups(_ dimension: Dimension) -> [String: MeteredTotals] {
        metering.table.groups(dimension)
    }
}
