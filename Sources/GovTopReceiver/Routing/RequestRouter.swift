import GovTopCore

/// Maps a request head to a `Route`: the path, the method, then (for OTLP exports) the
/// content type, the encoding and the declared length.
enum RequestRouter {
    static let tracePrefix = "/api/v1/traces/"
    static let alertPrefix = "/api/v1/alerts/"

    static func route(_ head: RequestHead, maxBodyBytes: Int, access: AccessControl = .open,
                      decision: DecisionSettings = DecisionSettings()) -> Route {
        let path = head.path
        if let refusal = access.refusal(path: path, authorization: head.authorization) { // auth: issue 16
            let style = path.hasPrefix("/v1/") ? FailureStyle.otlp(head.contentType.flatMap(PayloadFormat.init(contentType:)) ?? .json) : .api
            return .failure(refusal, style)
        }
        if DecisionRequest.matches(path) { // decide (issue 15): any method, as gateways forward the original one
            do throws(RequestFailure) {
                return .api(.decision(try DecisionRequest.parse(query: head.query, headers: head.fields, settings: decision)))
            } catch {
                return .failure(error, .api)
            }
        }
        if let signal = OTLPSignal.allCases.first(where: { $0.path == path }) {
            return exportRoute(signal, head: head, maxBodyBytes: maxBodyBytes)
        }
        if path.hasPrefix("/v1/") {
            let style = FailureStyle.otlp(head.contentType.flatMap(PayloadFormat.init(contentType:)) ?? .json)
            return .failure(.notFound("no OTLP endpoint at \(shown(path)); use /v1/traces, /v1/metrics or /v1/logs"), style)
        }
        do throws(RequestFailure) {
            guard let request = try apiRequest(path: path, query: head.query) else {
                return .failure(.notFound("no endpoint at \(shown(path))"), .api)
            }
            let allowed = allowedMethods(request.method)
            guard allowed.contains(head.method) else {
                return .failure(.methodNotAllowed(head.method, path: shown(path), allowed: allowed), .api)
            }
            return .api(request)
        } catch {
            let allowed = allowedMethods(path.hasSuffix("/ack") ? "POST" : "GET")
            if !allowed.contains(head.method) {
                return .failure(.methodNotAllowed(head.method, path: shown(path), allowed: allowed), .api)
            }
            return .failure(error, .api)
        }
    }

    /// The methods an endpoint answers: every GET endpoint answers HEAD too (same status and
    /// headers, no body).
    private static func allowedMethods(_ method: String) -> [String] {
        method == "GET" ? ["GET", "HEAD"] : [method]
    }

    private static func exportRoute(_ signal: OTLPSignal, head: RequestHead, maxBodyBytes: Int) -> Route {
        let format = head.contentType.flatMap(PayloadFormat.init(contentType:))
        let style = FailureStyle.otlp(format ?? .json)
        guard head.method == "POST" else {
            return .failure(.methodNotAllowed(head.method, path: signal.path, allowed: ["POST"]), style)
        }
        guard let format else {
            let given = head.contentType.map { "Content-Type '\(shown($0))' is not supported" } ?? "Content-Type is missing"
            return .failure(.unsupportedMediaType(given + "; send application/x-protobuf or application/json"), style)
        }
        guard let encoding = ContentEncoding(header: head.contentEncoding) else {
            return .failure(.unsupportedMediaType(
                "Content-Encoding '\(shown(head.contentEncoding ?? ""))' is not supported; send gzip, deflate or identity"), style)
        }
        if let length = head.contentLength, length > maxBodyBytes {
            return .failure(.tooLarge(limit: maxBodyBytes, what: "request body of \(length) bytes"), style)
        }
        return .export(ExportRequest(signal: signal, format: format, encoding: encoding))
    }

    /// Request text as error messages quote it: long values are cut, so a response never echoes
    /// kilobytes, and control characters (a C1 CSI in a Content-Type, say) are replaced.
    static func shown(_ text: some StringProtocol) -> String {
        ControlCharacters.replaced(in: text.count > 200 ? String(text.prefix(200)) + "…" : String(text))
    }

    /// The API request at this path, nil when there is no such endpoint.
    /// Throws for a known endpoint with malformed parameters.
    private static func apiRequest(path: Substring, query: Substring) throws(RequestFailure) -> APIRequest? {
        switch path {
        case "/healthz": return .health
        case "/api/v1/summary": return .summary
        case "/metrics": return .metrics
        case "/api/v1/traces": return .traceList(try APIRequest.traceQuery(query))
        case "/api/v1/groups": return .groups(try APIRequest.groupDimension(query))
        case "/api/v1/budgets": return .budgets
        case "/api/v1/alerts": return .alerts
        case "/api/v1/policies": return .policies
        case "/api/v1/history": return .history(try HistoryRequest.parse(query)) // ledger: issue 11
        case "/api/v1/conformance": return .conformance // conformance: issue 13
        case "/api/v1/notifications": return .notifications // notifications: issue 15
        default: break
        }
        if path.hasPrefix(alertPrefix), path.hasSuffix("/ack") {
            let id = path.dropFirst(alertPrefix.count).dropLast("/ack".count)
            guard !id.isEmpty, !id.contains("/") else { return nil }
            return .acknowledge(alertID: String(id))
        }
        if path.hasPrefix(tracePrefix) {
            let id = path.dropFirst(tracePrefix.count)
            guard !id.contains("/") else { return nil }
            return .trace(try APIRequest.traceID(id))
        }
        return nil
    }
}
