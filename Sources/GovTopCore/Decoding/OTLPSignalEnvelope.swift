/// How one OTLP signal nests its items in resources and scopes (`ResourceLogs` → `ScopeLogs` →
/// `LogRecord`): the message kinds and JSON keys of its levels, and how its batch is built from
/// them. The envelope readers (`ProtoEnvelopeReader`, `OTLPJSONEnvelope`) are generic over it, so
/// metrics and logs share one reading of the envelope and differ only in their item decoders.
protocol OTLPSignalEnvelope {
    associatedtype Item
    associatedtype ScopeGroup
    associatedtype ResourceGroup
    associatedtype Batch

    /// The request, resource and scope messages; their names are also the messages' names in
    /// OTLP/JSON errors.
    static var requestKind: ProtoMessageKind { get }
    static var resourceKind: ProtoMessageKind { get }
    static var scopeKind: ProtoMessageKind { get }
    /// The item message (field 2 of the scope message).
    static var itemKind: ProtoMessageKind { get }
    /// The JSON keys of the three repeated fields.
    static var jsonTables: OTLPJSONEnvelopeTables { get }

    static func scopeGroup(scope: InstrumentationScope, schemaURL: String, items: [Item]) -> ScopeGroup
    static func resourceGroup(resource: Resource, schemaURL: String, scopes: [ScopeGroup]) -> ResourceGroup
    static func batch(_ resources: [ResourceGroup]) -> Batch
}

/// `ExportMetricsServiceRequest` → `ResourceMetrics` → `ScopeMetrics` → `Metric`.
enum MetricsEnvelope: OTLPSignalEnvelope {
    static let requestKind = ProtoMessageKind.metricsRequest
    static let resourceKind = ProtoMessageKind.resourceMetrics
    static let scopeKind = ProtoMessageKind.scopeMetrics
    static let itemKind = ProtoMessageKind.metric
    static let jsonTables = OTLPJSONEnvelopeTables(resources: "resourceMetrics", scopes: "scopeMetrics", items: "metrics")

    static func scopeGroup(scope: InstrumentationScope, schemaURL: String, items: [MetricRecord]) -> ScopeMetrics {
        ScopeMetrics(scope: scope, schemaURL: schemaURL, metrics: items)
    }

    static func resourceGroup(resource: Resource, schemaURL: String, scopes: [ScopeMetrics]) -> ResourceMetrics {
        ResourceMetrics(resource: resource, schemaURL: schemaURL, scopeMetrics: scopes)
    }

    static func batch(_ resources: [ResourceMetrics]) -> MetricBatch {
        MetricBatch(resourceMetrics: resources)
    }
}

/// `ExportLogsServiceRequest` → `ResourceLogs` → `ScopeLogs` → `LogRecord`.
enum LogsEnvelope: OTLPSignalEnvelope {
    static let requestKind = ProtoMessageKind.logsRequest
    static let resourceKind = ProtoMessageKind.resourceLogs
    static let scopeKind = ProtoMessageKind.scopeLogs
    static let itemKind = ProtoMessageKind.logRecord
    static let jsonTables = OTLPJSONEnvelopeTables(resources: "resourceLogs", scopes: "scopeLogs", items: "logRecords")

    static func scopeGroup(scope: InstrumentationScope, schemaURL: String, items: [LogRecord]) -> ScopeLogs {
        ScopeLogs(scope: scope, schemaURL: schemaURL, records: items)
    }

    static func resourceGroup(resource: Resource, schemaURL: String, scopes: [ScopeLogs]) -> ResourceLogs {
        ResourceLogs(resource: resource, schemaURL: schemaURL, scopeLogs: scopes)
    }

    static func batch(_ resources: [ResourceLogs]) -> LogBatch {
        LogBatch(resourceLogs: resources)
    }
}
