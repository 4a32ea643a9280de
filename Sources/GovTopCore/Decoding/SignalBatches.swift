/// The decoded content of one `ExportMetricsServiceRequest`, nested as on the wire.
public struct MetricBatch: Sendable, Hashable {
    public var resourceMetrics: [ResourceMetrics]

    public init(resourceMetrics: [ResourceMetrics] = []) {
        self.resourceMetrics = resourceMetrics
    }

    /// Data points of every kind in the batch.
    public var pointCount: Int {
        resourceMetrics.reduce(0) { total, resource in
            total + resource.scopeMetrics.reduce(0) { sum, scope in sum + scope.metrics.reduce(0) { $0 + $1.pointCount } }
        }
    }
}

/// Metrics from one resource (OTLP `ResourceMetrics`).
public struct ResourceMetrics: Sendable, Hashable {
    public var resource: Resource
    public var schemaURL: String
    public var scopeMetrics: [ScopeMetrics]

    public init(resource: Resource = Resource(), schemaURL: String = "", scopeMetrics: [ScopeMetrics] = []) {
        self.resource = resource
        self.schemaURL = schemaURL
        self.scopeMetrics = scopeMetrics
    }
}

/// Metrics from one instrumentation scope (OTLP `ScopeMetrics`).
public struct ScopeMetrics: Sendable, Hashable {
    public var scope: InstrumentationScope
    public var schemaURL: String
    public var metrics: [MetricRecord]

    public init(scope: InstrumentationScope = InstrumentationScope(), schemaURL: String = "", metrics: [MetricRecord] = []) {
        self.scope = scope
        self.schemaURL = schemaURL
        self.metrics = metrics
    }
}

/// The decoded content of one `ExportLogsServiceRequest`, nested as on the wire.
public struct LogBatch: Sendable, Hashable {
    public var resourceLogs: [ResourceLogs]

    public init(resourceLogs: [ResourceLogs] = []) {
        self.resourceLogs = resourceLogs
    }

    public var recordCount: Int {
        resourceLogs.reduce(0) { total, resource in total + resource.scopeLogs.reduce(0) { $0 + $1.records.count } }
    }
}

/// Log records from one resource (OTLP `ResourceLogs`).
public struct ResourceLogs: Sendable, Hashable {
    public var resource: Resource
    public var schemaURL: String
    public var scopeLogs: [ScopeLogs]

    public init(resource: Resource = Resource(), schemaURL: String = "", scopeLogs: [ScopeLogs] = []) {
        self.resource = resource
        self.schemaURL = schemaURL
        self.scopeLogs = scopeLogs
    }
}

/// Log records from one instrumentation scope (OTLP `ScopeLogs`).
public struct ScopeLogs: Sendable, Hashable {
    public var scope: InstrumentationScope
    public var schemaURL: String
    public var records: [LogRecord]

    public init(scope: InstrumentationScope = InstrumentationScope(), schemaURL: String = "", records: [LogRecord] = []) {
        self.scope = scope
        self.schemaURL = schemaURL
        self.records = records
    }
}
