import GovTopCore

/// Deterministic traffic of a made-up AI fleet, for `govtop --demo`, `govtop demo --endpoint` and
/// `govtop render`.
///
/// The fleet: five teams (`growth`, `support`, `search`, `research`, `platform`), eight projects,
/// fifty customers, `prod` and `dev`, three services (`chat-gateway`, `agent-runtime`,
/// `doc-pipeline`), thirteen models from six providers (one self-hosted model the pricing table does
/// not know). Its traces are agent runs (`invoke_agent` → retrieval → chat → execute_tool → chat, with
/// `genops.*` attribution only on the root) and single calls (attribution and call on one span), in a
/// mix of conventions (current and legacy `gen_ai.*`, OpenInference `llm.*`, Vercel `ai.*`), some
/// reporting their cost and some only tokens, with policy decisions, evaluations, prompts and errors.
///
/// The story it tells, at the default rate of 20 spans/s:
/// - `growth` spends about $0.067/s, all of it reported by its spans, against a daily budget of $36
///   that was 76% used when the demo started: the budget passes 80% after 30–45 s and runs out after
///   135–150 s (the demo's `configuration()` holds the budget; the times are from seeds 1–7 and 42).
/// - `research` runs an expensive evaluation sweep for 20 s at 130 s, then every 300 s
///   (`burstStart`, `burstPeriod`, `burstLength`): about $44 in 20 s, more than six minutes of the
///   rest of the fleet's spend (about $6.8/min), which the engine reports as a cost spike.
///
/// Time is virtual: `traffic(from:to:rate:)` returns the spans that *end* in `[from, to)`, as an SDK
/// would export them, children before parents; a parent that ends later comes in a later call. Traces
/// start inside the intervals asked for (never before `startTime`), so call it with consecutive
/// intervals. The scenario is a value with state (traces in flight, its random generator): the same
/// seed and the same sequence of calls give identical batches on every platform.
public struct DemoScenario: Sendable {
    /// Spans per second when the caller does not choose: every workload's rate is scaled by
    /// `rate / defaultRate`.
    public static let defaultRate = 20.0
    /// Highest rate honoured; higher ones are clamped.
    public static let maximumRate = 2_000.0
    /// At most this much virtual time gets new traffic in one call: after a longer gap only the last
    /// minute is filled, so one call never builds an unbounded batch.
    public static let maximumInterval: UInt64 = 60_000_000_000
    /// The latest instant the scenario generates traffic for (early 2116): times beyond it are clamped,
    /// so span arithmetic never overflows.
    public static let latestTime: UInt64 = 1 << 62
    /// Offset of the first cost spike from `startTime`, in nanoseconds.
    public static let burstStart: UInt64 = 130_000_000_000
    public static let burstPeriod: UInt64 = 300_000_000_000
    public static let burstLength: UInt64 = 20_000_000_000

    public let seed: UInt64
    /// Unix nanoseconds when the fleet starts sending.
    public let startTime: UInt64

    var random: DemoRandom
    /// Fractional traces owed per workload, carried between calls.
    private var credits: [Double]
    private var generatedUntil: UInt64
    private var inFlight: [DemoSpan] = []
    private var sequence: UInt64 = 0
    /// What `growth`'s SDK reports as consumed of its own monthly campaign budget.
    var campaignBudgetConsumed = 3_120.0

    /// - Parameter startTime: Unix nanoseconds; times after `latestTime` are clamped to it.
    public init(seed: UInt64 = 42, startTime: UInt64) {
        self.seed = seed
        let startTime = min(startTime, Self.latestTime)
        self.startTime = startTime
        random = DemoRandom(seed: seed)
        credits = Array(repeating: 0, count: DemoWorkload.catalog.count)
        generatedUntil = startTime
    }

    /// The spans that end in `[from, to)`: of traces started in that interval (the part not asked for
    /// before) and of traces still in flight. Spans that end later wait for a later call. An empty or
    /// reversed interval returns an empty batch; a rate that is not a positive finite number starts no
    /// traces.
    public mutating func traffic(from: UInt64, to: UInt64, rate spansPerSecond: Double = DemoScenario.defaultRate) -> TraceBatch {
        let to = min(to, Self.latestTime)
        guard to > from else { return TraceBatch() }
        var lower = max(from, generatedUntil)
        if to > lower {
            if to - lower > Self.maximumInterval { lower = to - Self.maximumInterval }
            startTraces(from: lower, to: to, scale: Self.scale(rate: spansPerSecond))
            generatedUntil = to
        }
        return flush(before: to)
    }

    static func scale(rate: Double) -> Double {
        guard rate.isFinite, rate > 0 else { return 0 }
        return min(rate, maximumRate) / defaultRate
    }

    private mutating func startTraces(from lower: UInt64, to upper: UInt64, scale: Double) {
        guard scale > 0 else { return }
        for (index, workload) in DemoWorkload.catalog.enumerated() {
            switch workload.schedule {
            case .always:
                start(workload, index: index, from: lower, to: upper, scale: scale)
            case .bursts:
                for window in burstWindows(from: lower, to: upper) {
                    start(workload, index: index, from: window.lowerBound, to: window.upperBound, scale: scale)
                }
            }
        }
    }

    /// The parts of `[lower, upper)` inside burst windows (`lower` is never before `startTime`).
    func burstWindows(from lower: UInt64, to upper: UInt64) -> [Range<UInt64>] {
        let lowerOffset = lower - startTime
        let upperOffset = upper - startTime
        var windowStart = Self.burstStart
        if lowerOffset > Self.burstStart {
            windowStart += (lowerOffset - Self.burstStart) / Self.burstPeriod * Self.burstPeriod
        }
        var windows: [Range<UInt64>] = []
        while windowStart < upperOffset {
            let clippedStart = max(windowStart, lowerOffset)
            let clippedEnd = min(windowStart + Self.burstLength, upperOffset)
            if clippedStart < clippedEnd { windows.append(startTime + clippedStart..<startTime + clippedEnd) }
            windowStart += Self.burstPeriod
        }
        return windows
    }

    private mutating func start(_ workload: DemoWorkload, index: Int, from lower: UInt64, to upper: UInt64, scale: Double) {
        credits[index] += workload.tracesPerSecond * scale * Double(upper - lower) / 1e9
        let count = Int(credits[index])
        credits[index] -= Double(count)
        for _ in 0..<count {
            let traceStart = lower + UInt64(random.unit() * Double(upper - lower))
            switch workload.shape {
            case .single:
                emit(singleCall(workload, start: traceStart))
            case .agent(let name, let dataSource, let tools):
                emit(agentRun(workload, agent: name, dataSource: dataSource, tools: tools, start: traceStart))
            }
        }
    }

    private mutating func emit(_ spans: [(service: Int, scope: DemoFleet.Scope, record: SpanRecord)]) {
        for span in spans {
            inFlight.append(DemoSpan(service: span.service, scope: span.scope, record: span.record, sequence: sequence))
            sequence += 1
        }
    }

    /// Takes the spans that ended before `upper` out of flight, in end-time order, grouped by service
    /// and instrumentation scope.
    private mutating func flush(before upper: UInt64) -> TraceBatch {
        var ready: [DemoSpan] = []
        var waiting: [DemoSpan] = []
        for span in inFlight {
            if span.record.endTimeUnixNano < upper { ready.append(span) } else { waiting.append(span) }
        }
        inFlight = waiting
        ready.sort { ($0.record.endTimeUnixNano, $0.sequence) < ($1.record.endTimeUnixNano, $1.sequence) }
        var batch = TraceBatch()
        for (serviceIndex, service) in DemoFleet.services.enumerated() {
            var resourceSpans = ResourceSpans(resource: service.resource)
            for scope in DemoFleet.Scope.allCases {
                let spans = ready.filter { $0.service == serviceIndex && $0.scope == scope }.map(\.record)
                if !spans.isEmpty { resourceSpans.scopeSpans.append(ScopeSpans(scope: scope.scope, spans: spans)) }
            }
            if !resourceSpans.scopeSpans.isEmpty { batch.resourceSpans.append(resourceSpans) }
        }
        return batch
    }
}

/// A span waiting for its end time to pass.
struct DemoSpan: Sendable {
    let service: Int
    let scope: DemoFleet.Scope
    let record: SpanRecord
    /// Creation order, to break ties between equal end times.
    let sequence: UInt64
}
