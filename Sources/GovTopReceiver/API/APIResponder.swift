import GovTopCore

/// Answers JSON API requests from the engine: each request reads one snapshot (one lock
/// acquisition), so every figure of a response is of the same moment.
enum APIResponder {
    static let contentType = "application/json"
    /// The Prometheus text exposition format, version 0.0.4.
    static let prometheusContentType = "text/plain; version=0.0.4; charset=utf-8"

    static func respond(to request: APIRequest, engine: Engine, recorder: ExportRecorder? = nil) -> HTTPResponse {
        switch request {
        case .health:
            return ok(.object([("status", .string("ok"))]))
        case .summary:
            let snapshot = engine.summarySnapshot()
            return ok(SummaryRenderer.render(snapshot.summary, rates: snapshot.rates, alerts: snapshot.alertCounts,
                                             record: recorder?.counts ?? RecorderCounts()))
        case .traceList(let query):
            return ok(TraceListRenderer.render(engine.traces(query)))
        case .trace(let id):
            guard let detail = engine.trace(id) else {
                return failure(.notFound("no trace with id \(id.hex) is stored (unknown, or evicted)"))
            }
            return ok(TraceDetailRenderer.render(detail))
        case .metrics:
            let text = MetricsRenderer.render(engine.metrics())
            return HTTPResponse(status: 200, contentType: prometheusContentType, body: Array(text.utf8))
        case .groups(let dimension):
            let snapshot = engine.groupsSnapshot(by: dimension)
            return ok(GroupsRenderer.render(snapshot.rows, dimension: dimension, folded: snapshot.folded, metered: snapshot.metered))
        case .budgets:
            return ok(BudgetsRenderer.render(engine.budgets()))
        case .alerts:
            let snapshot = engine.alertsSnapshot()
            return ok(AlertsRenderer.render(snapshot.alerts, counts: snapshot.counts, dropped: snapshot.dropped))
        case .acknowledge(let id):
            guard let alert = engine.acknowledgeAlert(id: id) else {
                return failure(.notFound("no alert with id '\(RequestRouter.shown(id))'"))
            }
            return ok(AlertsRenderer.alert(alert))
        case .policies:
            let snapshot = engine.policiesSnapshot()
            return ok(PoliciesRenderer.render(snapshot.policies, evaluations: snapshot.evaluations))
        case .decision(let request): // decide (issue 15)
            return DecisionRenderer.response(request, engine: engine)
        case .conformance: // conformance: issue 13
            return ok(ConformanceRenderer.render(engine.conformance()))
        case .notifications: // notifications: issue 15
            return ok(NotificationsRenderer.render(engine.notificationsSnapshot()))
        case .history(let request): // ledger: issue 11
            let query: HistoryQuery
            do { query = try request.query(now: Int64(engine.currentTime() / 1_000_000_000)) } catch { return failure(error) }
            do {
                return ok(HistoryRenderer.render(try engine.history(query)))
            } catch {
                return failure(.unavailable("the ledger cannot be read: \(error.description)", retryAfterSeconds: 1))
            }
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
