import GovTopCore

/// Answers JSON API requests from the engine.
enum APIResponder {
    static let contentType = "application/json"
    /// The Prometheus text exposition format, version 0.0.4.
    static let prometheusContentType = "text/plain; version=0.0.4; charset=utf-8"

    static func respond(to request: APIRequest, engine: Engine) -> HTTPResponse {
        switch request {
        case .health:
            return ok(.object([("status", .string("ok"))]))
        case .summary:
            return ok(SummaryRenderer.render(engine.summary()))
        case .traceList(let query):
            return ok(TraceListRenderer.render(engine.traces(query)))
        case .trace(let id):
            guard let detail = engine.trace(id) else {
                return failure(.notFound("no trace with id \(id.hex) is stored (unknown, or evicted)"))
            }
            return ok(TraceDetailRenderer.render(detail))
        case .metrics:
            let text = MetricsRenderer.render(engine.metrics(), budgets: engine.budgets(), alerts: engine.alertStatus().counts)
            return HTTPResponse(status: 200, contentType: prometheusContentType, body: Array(text.utf8))
        }
    }

    /// `{"error": message}` with the failure's status.
    static func failure(_ failure: RequestFailure) -> HTTPResponse {
        HTTPResponse(status: failure.status, contentType: contentType,
                     body: JSONValue.object([("error", .string(failure.message))]).serialized,
                     extraHeaders: failure.headers, closesConnection: failure.closesConnection)
    }

    private static func ok(_ value: JSONValue) -> HTTPResponse {
        HTTPResponse(status: 200, contentType: contentType, body: value.serialized)
    }
}
