import Foundation
import GovTopCore
import Testing

/// Every response reads one snapshot of the engine: scrapes and summaries taken while four clients
/// ingest never mix figures from two moments.
@Suite struct ConsistentReadTests {
    static let batchSize = 25
    static let batchesPerClient = 40
    static let clients = 4
    /// A cost exact in binary, so sums of it compare with `==`.
    static let costPerSpan = 0.5

    /// Each span an AI request of its client's team with a reported cost; distinct trace ids.
    static func batch(client: Int, index: Int) -> [UInt8] {
        let spans = (0..<batchSize).map { position in
            let number = UInt64((client * batchesPerClient + index) * batchSize + position + 1)
            return OTLPFixtures.span(trace: number, id: number, attributes: [
                OTLPFixtures.string("gen_ai.request.model", "gpt-4o"),
                OTLPFixtures.string("genops.team", "team-\(client)"),
                OTLPFixtures.keyValue("genops.cost.total") { $0.doubleValue = costPerSpan },
            ])
        }
        return OTLPFixtures.bytes(OTLPFixtures.traceRequest(spans))
    }

    /// An engine whose clock stands still (so the last minute's rate is the whole total), with one
    /// budget covering all spend, and a store small enough to evict while the test runs.
    static func engine() -> Engine {
        Engine(configuration: EngineConfiguration(
            store: StoreLimits(maxSpans: 1_000),
            budgets: [BudgetDefinition(name: "all", limitUSD: 1_000_000, period: .monthly)]),
            clock: GovClock { 1_700_000_000_000_000_000 })
    }

    /// Ingests from four clients in parallel threads while `read` is called over and over (on a
    /// thread of its own, so it returns what it found wrong rather than expecting); returns every
    /// read's findings and the spans received at the last read.
    static func whileIngesting(port: Int, _ read: @escaping @Sendable (HTTPTestClient) throws -> (problems: [String], received: Double))
        async throws -> (reads: Int, problems: [String], lastReceived: Double) {
        let finished = Finished()
        async let ingested: Void = withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<clients {
                group.addTask {
                    try await blocking {
                        let connection = try HTTPTestClient(port: port)
                        for index in 0..<batchesPerClient {
                            let response = try connection.exchange("POST", "/v1/traces", headers: [OTLPFixtures.contentTypeProtobuf],
                                                                   body: batch(client: client, index: index))
                            guard response.status == 200 else { throw HTTPTestClient.ClientError(description: "export: \(response.status)") }
                        }
                    }
                }
            }
            try await group.waitForAll()
            finished.set()
        }
        let outcome = try await blocking {
            let connection = try HTTPTestClient(port: port)
            var reads = 0
            var problems: [String] = []
            var received = 0.0
            var done = false
            repeat {
                done = finished.isSet
                let result = try read(connection)
                problems += result.problems.map { "read \(reads): \($0)" }
                received = result.received
                reads += 1
            } while !done
            return (reads, problems, received)
        }
        try await ingested
        return outcome
    }

    /// "what: left != right" when they differ.
    static func check(_ what: String, _ left: Double, _ right: Double) -> [String] {
        left == right ? [] : ["\(what): \(left) != \(right)"]
    }

    @Test func everyScrapeOfMetricsIsOneMoment() async throws {
        try await withServer(engine: Self.engine()) { port, _ in
            let outcome = try await Self.whileIngesting(port: port) { connection in
                let samples = PrometheusSamples(try connection.exchange("GET", "/metrics").text)
                let received = samples.value("govtop_spans_received_total")
                let problems = Self.check("whole batches", received.truncatingRemainder(dividingBy: Double(Self.batchSize)), 0)
                    + Self.check("requests per team vs spans received", samples.sum("genops_requests_total"), received)
                    + Self.check("cost per team vs spans received", samples.sum("genops_cost_total"), received * Self.costPerSpan)
                    + Self.check("budget consumed vs cost per team", samples.value("genops_budget_consumed", labels: "budget=\"all\""),
                                 samples.sum("genops_cost_total"))
                    + Self.check("stored + evicted vs received",
                                 samples.value("govtop_spans_stored") + samples.value("govtop_spans_evicted_total"), received)
                return (problems, received)
            }
            #expect(Array(outcome.problems.prefix(5)) == [])
            #expect(outcome.reads >= 2)
            #expect(outcome.lastReceived == Double(Self.clients * Self.batchesPerClient * Self.batchSize))
        }
    }

    @Test func everySummaryIsOneMoment() async throws {
        try await withServer(engine: Self.engine()) { port, _ in
            let outcome = try await Self.whileIngesting(port: port) { connection in
                let body = try connection.exchange("GET", "/api/v1/summary").body
                let summary = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] ?? [:]
                func number(_ key: String) -> Double { (summary[key] as? NSNumber)?.doubleValue ?? .nan }
                let received = number("spans_received")
                let problems = Self.check("whole batches", received.truncatingRemainder(dividingBy: Double(Self.batchSize)), 0)
                    + Self.check("requests vs spans received", number("requests_total"), received)
                    + Self.check("cost vs spans received", number("cost_usd_total"), received * Self.costPerSpan)
                    + Self.check("last minute's cost vs total cost", number("cost_usd_per_minute"), number("cost_usd_total"))
                    + Self.check("stored + evicted vs received", number("spans_stored") + number("spans_evicted"), received)
                return (problems, received)
            }
            #expect(Array(outcome.problems.prefix(5)) == [])
            #expect(outcome.lastReceived == Double(Self.clients * Self.batchesPerClient * Self.batchSize))
        }
    }
}

/// Samples of a Prometheus text exposition, by series line.
private struct PrometheusSamples {
    /// `name{labels}` (or `name`) and value, in order.
    let samples: [(series: Substring, value: Double)]

    init(_ text: String) {
        samples = text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let space = line.lastIndex(of: " "),
                  let value = Double(line[line.index(after: space)...]) else { return nil }
            return (line[..<space], value)
        }
    }

    private func name(of series: Substring) -> Substring { series.prefix { $0 != "{" } }

    /// The one sample of `name` whose labels contain `labels`; NaN when there is none.
    func value(_ name: String, labels: String = "") -> Double {
        samples.first { self.name(of: $0.series) == name && (labels.isEmpty || $0.series.contains(labels)) }?.value ?? .nan
    }

    func sum(_ name: String) -> Double {
        samples.filter { self.name(of: $0.series) == name }.reduce(0) { $0 + $1.value }
    }
}

/// Set once the ingesting clients are done.
private final class Finished: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    var isSet: Bool { lock.withLock { done } }
    func set() { lock.withLock { done = true } }
}
