/// Turns cumulative metric streams into deltas, one stream at a time, with a bounded number of
/// streams. A pure value: the engine keeps it behind its lock and feeds it decoded points.
///
/// Rules (those of the OpenTelemetry Collector's `cumulativetodelta` processor with
/// `initial_value: auto`):
/// - A delta reading passes through unchanged; it needs no state.
/// - The first reading of a cumulative stream counts in full when its start time is known and
///   not before `observedSince` (govtop's start): everything it covers happened while govtop
///   listened. Without a start time, or with an earlier one, it is only the baseline (counting it
///   would add usage from before govtop started).
/// - A later reading counts what it adds to the previous one. A reading with a different start
///   time is a reset (the process restarted): it counts in full. Without a start time, a
///   monotonic value (or count) that goes down is a reset too.
/// - A reading not newer than the previous one (a retry, a duplicate) counts nothing.
///
/// Streams are capped at `capacity`: a new stream beyond it is refused (its readings count
/// nothing and are counted in `droppedReadings`), never one already tracked. Evicting a
/// tracked stream instead would make its next reading a first reading and count it twice.
public struct MetricStreamTable: Sendable {
    public let capacity: Int
    /// Readings of delta streams pass; the instant before which a first cumulative reading is a baseline.
    public let observedSince: UInt64
    private var streams: [MetricStreamKey: StreamReading] = [:]
    /// Readings of new streams refused because the table was full.
    public private(set) var droppedReadings = 0
    /// Cumulative readings recognized as a reset (a new start time, or a monotonic value going down).
    public private(set) var resets = 0

    public init(capacity: Int, observedSince: UInt64) {
        self.capacity = max(0, capacity)
        self.observedSince = observedSince
    }

    public var count: Int { streams.count }

    /// What a reading adds, as a delta of value and count; nil when it adds nothing (a baseline,
    /// a duplicate, or a stream refused for want of room).
    public mutating func delta(_ key: MetricStreamKey, _ reading: StreamReading, temporality: AggregationTemporality,
                               isMonotonic: Bool) -> StreamReading? {
        guard temporality == .cumulative else { return reading }
        guard let previous = streams[key] else {
            guard streams.count < capacity else {
                droppedReadings += 1
                return nil
            }
            streams[key] = reading
            let known = reading.startTimeUnixNano != 0 && reading.startTimeUnixNano >= observedSince
            return known ? reading : nil
        }
        guard reading.timeUnixNano > previous.timeUnixNano else { return nil }
        streams[key] = reading
        let restarted = reading.startTimeUnixNano != 0 && previous.startTimeUnixNano != 0
            && reading.startTimeUnixNano != previous.startTimeUnixNano
        let wentDown = isMonotonic && (reading.value < previous.value || reading.count < previous.count)
        if restarted || wentDown {
            resets += 1
            return reading
        }
        return StreamReading(startTimeUnixNano: previous.timeUnixNano, timeUnixNano: reading.timeUnixNano,
                             value: reading.value - previous.value, count: reading.count &- previous.count)
    }
}
