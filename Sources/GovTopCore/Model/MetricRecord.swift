/// One OTLP `Metric`: its name, unit and data points of one kind.
public struct MetricRecord: Sendable, Hashable {
    public var name: String
    public var description: String
    public var unit: String
    public var data: MetricData

    public init(name: String = "", description: String = "", unit: String = "", data: MetricData = .none) {
        self.name = name
        self.description = description
        self.unit = unit
        self.data = data
    }

    /// Data points of whatever kind the metric holds.
    public var pointCount: Int { data.pointCount }
}

/// How a sum or histogram's points relate to each other (OTLP `AggregationTemporality`).
public enum AggregationTemporality: Int, Sendable, Hashable {
    case unspecified = 0
    /// Each point covers only the time since the previous one.
    case delta = 1
    /// Each point covers everything since the stream's start time.
    case cumulative = 2

    /// Unknown wire values read as `unspecified`, as newer senders may send values this version lacks.
    init(wire: Int) { self = AggregationTemporality(rawValue: wire) ?? .unspecified }
}

/// The OTLP `Metric.data` oneof: the point kind with its points.
public enum MetricData: Sendable, Hashable {
    case none
    case gauge([NumberPoint])
    case sum([NumberPoint], temporality: AggregationTemporality, isMonotonic: Bool)
    case histogram([HistogramPoint], temporality: AggregationTemporality)
    case exponentialHistogram([ExponentialHistogramPoint], temporality: AggregationTemporality)
    /// Summaries are cumulative since their start time.
    case summary([SummaryPoint])

    public var pointCount: Int {
        switch self {
        case .none: 0
        case .gauge(let points), .sum(let points, _, _): points.count
        case .histogram(let points, _): points.count
        case .exponentialHistogram(let points, _): points.count
        case .summary(let points): points.count
        }
    }

    /// Whether `other` is the same oneof member (protobuf merges a repeated member, replaces another).
    func isSameKind(as other: MetricData) -> Bool {
        switch (self, other) {
        case (.gauge, .gauge), (.sum, .sum), (.histogram, .histogram),
             (.exponentialHistogram, .exponentialHistogram), (.summary, .summary): true
        default: false
        }
    }

    /// `other` merged into this value as protobuf merges a oneof message member given twice:
    /// points concatenate, scalar fields of the later one win when they are set.
    func merged(with other: MetricData) -> MetricData {
        switch (self, other) {
        case (.gauge(let a), .gauge(let b)): return .gauge(a + b)
        case (.sum(let a, let t1, let m1), .sum(let b, let t2, let m2)):
            return .sum(a + b, temporality: t2 == .unspecified ? t1 : t2, isMonotonic: m1 || m2)
        case (.histogram(let a, let t1), .histogram(let b, let t2)):
            return .histogram(a + b, temporality: t2 == .unspecified ? t1 : t2)
        case (.exponentialHistogram(let a, let t1), .exponentialHistogram(let b, let t2)):
            return .exponentialHistogram(a + b, temporality: t2 == .unspecified ? t1 : t2)
        case (.summary(let a), .summary(let b)): return .summary(a + b)
        default: return other
        }
    }
}

/// A gauge or sum value: OTLP's `as_double` or `as_int`.
public enum NumberValue: Sendable, Hashable {
    case double(Double)
    case int(Int64)

    public var asDouble: Double {
        switch self {
        case .double(let value): value
        case .int(let value): Double(value)
        }
    }
}

/// OTLP `NumberDataPoint` (exemplars are not kept).
public struct NumberPoint: Sendable, Hashable {
    public var attributes: [Attribute]
    public var startTimeUnixNano: UInt64
    public var timeUnixNano: UInt64
    public var value: NumberValue
    public var flags: UInt32

    public init(attributes: [Attribute] = [], startTimeUnixNano: UInt64 = 0, timeUnixNano: UInt64 = 0,
                value: NumberValue = .int(0), flags: UInt32 = 0) {
        self.attributes = attributes
        self.startTimeUnixNano = startTimeUnixNano
        self.timeUnixNano = timeUnixNano
        self.value = value
        self.flags = flags
    }
}

/// OTLP `HistogramDataPoint` with explicit bucket bounds (exemplars are not kept).
public struct HistogramPoint: Sendable, Hashable {
    public var attributes: [Attribute] = []
    public var startTimeUnixNano: UInt64 = 0
    public var timeUnixNano: UInt64 = 0
    public var count: UInt64 = 0
    public var sum: Double?
    public var bucketCounts: [UInt64] = []
    public var explicitBounds: [Double] = []
    public var min: Double?
    public var max: Double?
    public var flags: UInt32 = 0

    public init() {}
}

/// One side (positive or negative) of an exponential histogram's buckets.
public struct ExponentialBuckets: Sendable, Hashable {
    public var offset: Int32 = 0
    public var bucketCounts: [UInt64] = []

    public init(offset: Int32 = 0, bucketCounts: [UInt64] = []) {
        self.offset = offset
        self.bucketCounts = bucketCounts
    }
}

/// OTLP `ExponentialHistogramDataPoint` (exemplars are not kept).
public struct ExponentialHistogramPoint: Sendable, Hashable {
    public var attributes: [Attribute] = []
    public var startTimeUnixNano: UInt64 = 0
    public var timeUnixNano: UInt64 = 0
    public var count: UInt64 = 0
    public var sum: Double?
    public var scale: Int32 = 0
    public var zeroCount: UInt64 = 0
    public var positive = ExponentialBuckets()
    public var negative = ExponentialBuckets()
    public var flags: UInt32 = 0
    public var min: Double?
    public var max: Double?
    public var zeroThreshold: Double = 0

    public init() {}
}

/// OTLP `SummaryDataPoint`.
public struct SummaryPoint: Sendable, Hashable {
    public var attributes: [Attribute] = []
    public var startTimeUnixNano: UInt64 = 0
    public var timeUnixNano: UInt64 = 0
    public var count: UInt64 = 0
    public var sum: Double = 0
    public var quantiles: [QuantileValue] = []
    public var flags: UInt32 = 0

    public init() {}
}

/// One quantile of a summary point.
public struct QuantileValue: Sendable, Hashable {
    public var quantile: Double
    public var value: Double

    public init(quantile: Double, value: Double) {
        self.quantile = quantile
        self.value = value
    }
}
