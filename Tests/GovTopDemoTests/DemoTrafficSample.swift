import GovTopCore
import GovTopDemo

/// The demo's traffic over some virtual seconds, one call per step, with every span flattened next to
/// the batch, resource and scope it came in.
struct DemoTrafficSample: Sendable {
    struct Emitted: Sendable {
        let batch: Int
        let resource: Resource
        let scope: InstrumentationScope
        let span: SpanRecord

        var attributes: [Attribute] { span.attributes }
        func string(_ key: String) -> String? { span.attributes[key: key]?.string }
        var facts: GovernanceFacts {
            Normalizer.facts(for: span, resource: FactValues(resource.attributes), service: resource.serviceName)
        }
    }

    static let start: UInt64 = 1_800_000_000 * 1_000_000_000
    static let second: UInt64 = 1_000_000_000

    let intervals: [Range<UInt64>]
    let batches: [TraceBatch]
    let spans: [Emitted]

    init(seconds: Int, seed: UInt64 = 42, rate: Double = DemoScenario.defaultRate, step: UInt64 = second) {
        var scenario = DemoScenario(seed: seed, startTime: Self.start)
        var intervals: [Range<UInt64>] = []
        var batches: [TraceBatch] = []
        var spans: [Emitted] = []
        var from = Self.start
        let end = Self.start + UInt64(seconds) * Self.second
        while from < end {
            let to = min(from + step, end)
            let batch = scenario.traffic(from: from, to: to, rate: rate)
            for resourceSpans in batch.resourceSpans {
                for scopeSpans in resourceSpans.scopeSpans {
                    for span in scopeSpans.spans {
                        spans.append(Emitted(batch: batches.count, resource: resourceSpans.resource, scope: scopeSpans.scope, span: span))
                    }
                }
            }
            intervals.append(from..<to)
            batches.append(batch)
            from = to
        }
        self.intervals = intervals
        self.batches = batches
        self.spans = spans
    }

    /// Spans by trace, in emission order.
    var traces: [TraceID: [Emitted]] {
        Dictionary(grouping: spans, by: \.span.traceID)
    }

    func values(_ key: String) -> Set<String> {
        Set(spans.compactMap { $0.string(key) })
    }
}
