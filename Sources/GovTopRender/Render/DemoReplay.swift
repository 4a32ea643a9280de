import GovTopCore
import GovTopDemo

/// The demo fleet run through the whole ingest pipeline on a virtual clock: each virtual second's
/// spans are encoded as an OTLP/HTTP protobuf body, decoded again with govtop's decoder, ingested
/// at the end of the second, and the engine ticks, as the receiver and the app would in real time.
/// The same seed, rate and seconds always give the same engine state.
public struct DemoReplay: Sendable {
    /// When replays start: 2027-01-15 08:00:00 UTC, the morning of a working day, so the demo's
    /// daily budgets are mid-period as their configuration assumes.
    public static let defaultStartTime: UInt64 = 1_800_000_000 * 1_000_000_000
    /// The longest replay: an hour of virtual time.
    public static let maximumSeconds = 3_600

    public let engine: Engine
    public let clock: VirtualClock
    /// Spans ingested.
    public private(set) var spans = 0
    /// Spans ingested per second over the last `rateWindow` virtual seconds (fewer at the start).
    public private(set) var spansPerSecond = 0.0
    static let rateWindow = 10

    /// - Throws: `RenderError` when `seconds` is out of range or a batch does not decode.
    public init(seconds: Int, seed: UInt64 = 42, rate: Double = DemoScenario.defaultRate,
                startTime: UInt64 = DemoReplay.defaultStartTime,
                configuration: EngineConfiguration = DemoScenario.configuration()) throws(RenderError) {
        guard (0...Self.maximumSeconds).contains(seconds) else {
            throw RenderError("--seconds must be from 0 to \(Self.maximumSeconds), not \(seconds)")
        }
        clock = VirtualClock(nanos: startTime)
        engine = Engine(configuration: configuration, clock: clock.govClock)
        var scenario = DemoScenario(seed: seed, startTime: startTime)
        var recent: [Int] = []
        for second in 0..<seconds {
            let from = startTime + UInt64(second) * 1_000_000_000
            let to = from + 1_000_000_000
            let body = OTLPProtobufEncoder.encode(scenario.traffic(from: from, to: to, rate: rate))
            let batch: TraceBatch
            do {
                batch = try OTLPProtobufDecoder.decodeTraces(body)
            } catch {
                throw RenderError("the demo's batch of second \(second + 1) did not decode: \(error.message)")
            }
            if batch.rejectedSpans > 0 {
                throw RenderError("the decoder refused \(batch.rejectedSpans) demo spans in second \(second + 1): \(batch.rejectionMessage ?? "")")
            }
            clock.set(to)
            let accepted = engine.ingest(batch).accepted
            spans += accepted
            recent = Array((recent + [accepted]).suffix(Self.rateWindow))
            engine.tick()
        }
        spansPerSecond = recent.isEmpty ? 0 : Double(recent.reduce(0, +)) / Double(recent.count)
    }
}
