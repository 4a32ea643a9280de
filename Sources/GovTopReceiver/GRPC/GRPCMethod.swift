/// The OTLP/gRPC methods govtop serves: `Export` of the trace, metrics and logs collector services.
enum GRPCMethod {
    /// The signal whose `Export` method `path` names; nil for any other path.
    static func signal(path: String) -> OTLPSignal? {
        OTLPSignal.allCases.first { $0.grpcPath == path }
    }
}

extension OTLPSignal {
    /// The HTTP/2 `:path` of this signal's gRPC `Export` method.
    var grpcPath: String {
        switch self {
        case .traces: "/opentelemetry.proto.collector.trace.v1.TraceService/Export"
        case .metrics: "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export"
        case .logs: "/opentelemetry.proto.collector.logs.v1.LogsService/Export"
        }
    }
}
