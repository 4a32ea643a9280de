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
            return ok(SummaryRenderer.render(engine.summary(), rates: engine.rates(), alerts: engine.alertStatus().counts))
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
        case .groups(let dimension):
            return ok(GroupsRenderer.render(engine.groups(by: dimension), dimension: dimension,
                                            folded: engine.foldedContributions()[dimension] ?? 0))
        case .budgets:
            return ok(BudgetsRenderer.render(engine.budgets()))
        case .alerts:
            let status = engine.alertStatus()
            return ok(AlertsRenderer.render(engine.alerts(), counts: status.counts, dropped: status.dropped))
        case .acknowledge(let id):
            guard engine.acknowledgeAlert(id: id), let alert = engine.alerts().first(where: { $0.id == id }) else {
                return failure(.notFound("no alert with id '\(RequestRouter.shown(id))'"))
            }
            return ok(AlertsRenderer.alert(alert))
        case .policies:
            return ok(PoliciesRenderer.render(engine.policies(), evaluations: engine.evaluations()))
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
