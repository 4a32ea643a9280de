/// What identifies one metric stream: its resource, scope, metric name and point attributes.
/// Attributes are compared in key order, so two exporters that order them differently meet in
/// one stream.
public struct MetricStreamKey: Sendable, Hashable {
    public let resource: [Attribute]
    public let scope: String
    public let scopeVersion: String
    public let metric: String
    public let attributes: [Attribute]

    public init(resource: [Attribute], scope: InstrumentationScope, metric: String, attributes: [Attribute]) {
        self.resource = resource.sorted { $0.key < $1.key }
        self.scope = scope.name
        self.scopeVersion = scope.version
        self.metric = metric
        self.attributes = attributes.sorted { $0.key < $1.key }
    }
}

/// One cumulative or delta reading of a stream: a sum (a counter's value, a histogram's sum) and,
/// for histograms and summaries, how many measurements it covers.
public struct StreamReading: Sendable, Hashable {
    public var startTimeUnixNano: UInt64
    public var timeUnixNano: UInt64
    public var value: Double
    public var count: UInt64

    public init(startTimeUnixNano: UInt64, timeUnixNano: UInt64, value: Double, count: UInt64 = 0) {
        self.startTimeUnixNano = startTimeUnixNano
        self.timeUnixNano = timeUnixNano
        self.value = value
        self.count = count
    }
}
