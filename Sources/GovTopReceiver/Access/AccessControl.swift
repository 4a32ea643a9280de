/// Which requests must carry the bearer token, decided from the path alone and before routing, so
/// a request without the token learns nothing about what exists: every path is protected except
/// `/healthz` (a liveness probe that says only "ok"), `/metrics` unless `metricsRequireToken`, and
/// the OTLP paths (`/v1/...`) unless `otlpRequiresToken`. A route added later is protected without
/// being listed here.
public struct AccessControl: Sendable, Hashable {
    /// Nil: every request is served without a token (loopback, or `--insecure-no-auth`).
    public var token: BearerToken?
    /// `/metrics` asks for the token too (`metrics_auth`, default true).
    public var metricsRequireToken: Bool
    /// The OTLP doors (HTTP `/v1/...` and every gRPC call) ask for the token (`otlp_auth`, default false).
    public var otlpRequiresToken: Bool

    public init(token: BearerToken? = nil, metricsRequireToken: Bool = true, otlpRequiresToken: Bool = false) {
        self.token = token
        self.metricsRequireToken = metricsRequireToken
        self.otlpRequiresToken = otlpRequiresToken
    }

    /// No token: everything is served as before.
    public static let open = AccessControl()

    /// Whether an HTTP request to `path` must carry the token.
    func requiresToken(path: Substring) -> Bool {
        guard token != nil else { return false }
        if path == "/healthz" { return false }
        if path == "/metrics" { return metricsRequireToken }
        if path.hasPrefix("/v1/") { return otlpRequiresToken }
        return true
    }

    /// The `401` an HTTP request to `path` gets, nil when it may go on. The answer is the same for
    /// every protected path, known or not.
    func refusal(path: Substring, authorization: String?) -> RequestFailure? {
        guard requiresToken(path: path), let token else { return nil }
        let credential = token.check(authorization: authorization)
        return credential == .valid ? nil : RequestFailure.unauthorized(credential)
    }

    /// The `UNAUTHENTICATED` status a gRPC call gets, nil when it may go on (every gRPC call is an
    /// OTLP export).
    func grpcRefusal(authorization: String?) -> GRPCStatus? {
        guard otlpRequiresToken, let token else { return nil }
        let credential = token.check(authorization: authorization)
        guard credential != .valid else { return nil }
        return GRPCStatus(.unauthenticated, RequestFailure.unauthorized(credential).message)
    }
}

extension RequestFailure {
    /// `401` + `WWW-Authenticate: Bearer` (RFC 6750: `error="invalid_token"` when a token was
    /// sent but is not the right one). The connection closes: an unauthenticated peer gets no
    /// kept-alive connection and its body is not read.
    static func unauthorized(_ credential: BearerToken.Credential) -> RequestFailure {
        var failure = RequestFailure(status: 401, message: "", closesConnection: true)
        switch credential {
        case .missing:
            failure.message = "authentication required: send the header Authorization: Bearer <token> with govtop's token"
            failure.wwwAuthenticate = #"Bearer realm="govtop""#
        case .invalid, .valid:
            failure.message = "the bearer token is not valid: send the header Authorization: Bearer <token> with govtop's token"
            failure.wwwAuthenticate = #"Bearer realm="govtop", error="invalid_token""#
        }
        return failure
    }
}
