import GovTopCore

/// A validated JSON API request.
enum APIRequest: Sendable {
    case health
    case summary
    case traceList(TraceQuery)
    case trace(TraceID)
    /// `GET /metrics`: the Prometheus text exposition.
    case metrics
    case groups(Dimension)
    case budgets
    case alerts
    /// `POST /api/v1/alerts/{id}/ack`.
    case acknowledge(alertID: String)
    case policies
    /// `GET /api/v1/history` (ledger: issue 11).
    case history(HistoryRequest)
    /// `GET /api/v1/decision` (decide, issue 15): answered with any method, on the event loop.
    case decision(DecisionRequest)
    /// `GET /api/v1/conformance` (conformance: issue 13).
    case conformance
    /// `GET /api/v1/notifications`: the sinks' delivery state (notifications: issue 15).
    case notifications

    /// The one method each endpoint answers.
    var method: String {
        if case .acknowledge = self { return "POST" }
        return "GET"
    }

    /// The dimension of `GET /api/v1/groups?by=…` (default `team`).
    static func groupDimension(_ query: Substring) throws(RequestFailure) -> Dimension {
        let parameters = try QueryString(query)
        guard let text = parameters["by"], !text.isEmpty else { return .team }
        guard let dimension = Dimension(rawValue: text) else {
            let valid = Dimension.allCases.map(\.rawValue).joined(separator: ", ")
            throw .badRequest("by must be one of \(valid); got '\(RequestRouter.shown(text))'")
        }
        return dimension
    }

    static let defaultLimit = 100
    static let maxLimit = 1000

    /// Builds the `TraceQuery` of `GET /api/v1/traces` from its query parameters
    /// (`limit`, `team`, `model`, `service`; empty values mean "no filter", others are ignored).
    static func traceQuery(_ query: Substring) throws(RequestFailure) -> TraceQuery {
        let parameters = try QueryString(query)
        var traceQuery = TraceQuery(limit: defaultLimit)
        if let text = parameters["limit"] {
            guard let limit = Int(text), (1...maxLimit).contains(limit) else {
                throw .badRequest("limit must be a whole number from 1 to \(maxLimit), got '\(text)'")
            }
            traceQuery.limit = limit
        }
        traceQuery.team = parameters["team"].flatMap { $0.isEmpty ? nil : $0 }
        traceQuery.model = parameters["model"].flatMap { $0.isEmpty ? nil : $0 }
        traceQuery.service = parameters["service"].flatMap { $0.isEmpty ? nil : $0 }
        return traceQuery
    }

    /// Parses the `{trace_id}` path segment: 32 hex digits, not all zero.
    static func traceID(_ text: Substring) throws(RequestFailure) -> TraceID {
        guard let id = TraceID(hex: text), id.isValid else {
            let shown = text.count > 64 ? text.prefix(64) + "…" : text
            throw .badRequest("trace id '\(shown)' is malformed: want 32 hex digits, not all zero")
        }
        return id
    }
}
