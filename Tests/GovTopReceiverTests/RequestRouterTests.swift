import GovTopCore
import Testing
@testable import GovTopReceiver

@Suite struct RequestRouterTests {
    private func route(_ method: String, _ uri: String, type: String? = nil, encoding: String? = nil,
                       length: Int? = nil) -> Route {
        RequestRouter.route(RequestHead(method: method, uri: uri, contentType: type, contentEncoding: encoding,
                                        contentLength: length), maxBodyBytes: 1000)
    }

    private func failure(_ route: Route) -> (RequestFailure, FailureStyle)? {
        if case .failure(let failure, let style) = route { return (failure, style) }
        return nil
    }

    @Test(arguments: [
        ("application/x-protobuf", PayloadFormat.protobuf), ("application/protobuf", .protobuf),
        ("application/json", .json), ("Application/JSON; charset=utf-8", .json),
        (" application/x-protobuf ;foo=bar", .protobuf),
    ])
    func acceptsOTLPContentTypes(type: String, format: PayloadFormat) {
        guard case .export(let request) = route("POST", "/v1/traces", type: type) else {
            Issue.record("not routed to export")
            return
        }
        #expect(request == ExportRequest(signal: .traces, format: format, encoding: .identity))
    }

    @Test(arguments: [
        (nil, ContentEncoding.identity), ("identity", .identity), ("GZIP", .gzip), ("x-gzip", .gzip), ("deflate", .deflate),
    ] as [(String?, ContentEncoding)])
    func acceptsEncodings(header: String?, encoding: ContentEncoding) {
        guard case .export(let request) = route("POST", "/v1/logs", type: "application/json", encoding: header) else {
            Issue.record("not routed to export")
            return
        }
        #expect(request.encoding == encoding)
        #expect(request.signal == .logs)
    }

    @Test(arguments: ["text/plain", "application/jsonx", "multipart/form-data", ""])
    func refusesOtherContentTypesWith415InJSON(type: String) {
        let refused = failure(route("POST", "/v1/metrics", type: type))
        #expect(refused?.0.status == 415)
        #expect(refused?.1 == .otlp(.json))
        #expect(refused?.0.message.contains("application/x-protobuf") == true)
    }

    @Test func refusesMissingContentType() {
        #expect(failure(route("POST", "/v1/traces"))?.0.message.hasPrefix("Content-Type is missing") == true)
    }

    @Test(arguments: ["br", "compress", "gzip, gzip", "zstd"])
    func refusesOtherEncodingsWith415(encoding: String) {
        let refused = failure(route("POST", "/v1/traces", type: "application/x-protobuf", encoding: encoding))
        #expect(refused?.0.status == 415)
        #expect(refused?.0.message.contains("'\(encoding)'") == true)
        #expect(refused?.1 == .otlp(.protobuf))
    }

    @Test(arguments: ["GET", "PUT", "DELETE", "PATCH", "HEAD"])
    func exportPathsAllowOnlyPost(method: String) {
        let refused = failure(route(method, "/v1/traces", type: "application/x-protobuf"))
        #expect(refused?.0.status == 405)
        #expect(refused?.0.headers.first?.0 == "Allow")
        #expect(refused?.0.headers.first?.1 == "POST")
    }

    @Test func declaredLengthOverTheLimitIs413BeforeTheBody() {
        #expect(failure(route("POST", "/v1/traces", type: "application/json", length: 1001))?.0.status == 413)
        if case .export = route("POST", "/v1/traces", type: "application/json", length: 1000) {} else {
            Issue.record("a body at the limit must be accepted")
        }
    }

    @Test(arguments: ["/", "/v1", "/v1/trace", "/v1/traces/extra", "/api", "/api/v1", "/api/v1/nope", "/api/v1/traces/a/b", "/metricsx"])
    func unknownPathsAre404(path: String) {
        #expect(failure(route("GET", path))?.0.status == 404)
    }

    @Test func errorMessagesQuoteLongPathsShortened() {
        let message = failure(route("GET", "/" + String(repeating: "a", count: 5000)))?.0.message ?? ""
        #expect(message.hasPrefix("no endpoint at /aaa"))
        #expect(message.count < 250)
    }

    @Test func apiRoutes() {
        guard case .api(.health) = route("GET", "/healthz"), case .api(.summary) = route("GET", "/api/v1/summary?x=1"),
              case .api(.metrics) = route("GET", "/metrics"),
              case .api(.traceList(let query)) = route("GET", "/api/v1/traces?limit=5&team=ml%20platform&model=gpt-4o&service=a+b"),
              case .api(.trace(let id)) = route("GET", "/api/v1/traces/0102030405060708090A0B0C0D0E0F10")
        else {
            Issue.record("API route not recognised")
            return
        }
        #expect(query.limit == 5)
        #expect(query.team == "ml platform")
        #expect(query.model == "gpt-4o")
        #expect(query.service == "a b")
        #expect(id == TraceID(high: 0x0102_0304_0506_0708, low: 0x090A_0B0C_0D0E_0F10))
        guard case .api(.traceList(let defaults)) = route("GET", "/api/v1/traces?team=") else {
            Issue.record("trace list not recognised")
            return
        }
        #expect(defaults.limit == 100)
        #expect(defaults.team == nil && defaults.model == nil && defaults.service == nil)
    }

    @Test(arguments: ["0", "-1", "1001", "abc", "1.5", "", "99999999999999999999999"])
    func invalidLimitIs400(limit: String) {
        let refused = failure(route("GET", "/api/v1/traces?limit=\(limit)"))
        #expect(refused?.0.status == 400)
        #expect(refused?.1 == .api)
        #expect(refused?.0.message.contains("limit") == true)
    }

    @Test(arguments: ["abc", "0102030405060708090a0b0c0d0e0f1", "00000000000000000000000000000000",
                      "0102030405060708090a0b0c0d0e0f10ff", "zz02030405060708090a0b0c0d0e0f10", ""])
    func malformedTraceIDIs400(id: String) {
        let refused = failure(route("GET", "/api/v1/traces/" + id))
        #expect(refused?.0.status == 400)
        #expect(refused?.0.message.contains("trace id") == true)
    }

    @Test func malformedQueryEscapeIs400() {
        #expect(failure(route("GET", "/api/v1/traces?team=%zz"))?.0.status == 400)
        #expect(failure(route("GET", "/api/v1/traces?team=%ff"))?.0.status == 400)
    }

    @Test(arguments: ["POST", "PUT", "DELETE"])
    func apiPathsAllowOnlyGet(method: String) {
        for path in ["/healthz", "/api/v1/summary", "/api/v1/traces", "/api/v1/traces?limit=zero", "/api/v1/traces/abc"] {
            let refused = failure(route(method, path))
            #expect(refused?.0.status == 405, "\(method) \(path)")
            #expect(refused?.0.headers.first?.1 == "GET, HEAD")
        }
    }

    @Test func getEndpointsAnswerHeadAndAckDoesNot() {
        for path in ["/healthz", "/metrics", "/api/v1/summary", "/api/v1/traces?limit=5", "/api/v1/groups?by=model",
                     "/api/v1/budgets", "/api/v1/alerts", "/api/v1/policies", "/api/v1/traces/0102030405060708090A0B0C0D0E0F10"] {
            guard case .api(let request) = route("HEAD", path) else {
                Issue.record("HEAD \(path) is not routed to the API")
                continue
            }
            #expect(request.method == "GET", "\(path)")
        }
        #expect(failure(route("HEAD", "/api/v1/traces?limit=0"))?.0.status == 400)
        let ack = failure(route("HEAD", "/api/v1/alerts/a1/ack"))
        #expect(ack?.0.status == 405)
        #expect(ack?.0.headers.first?.1 == "POST")
    }
}

/// Found by the http-request fuzz target (seed `refusal-quotes-c1-controls.http`): a refusal quoted
/// header and path text back raw, C1 controls (CSI, OSC, ST) included, which a terminal printing
/// the response would execute.
@Suite struct RequestRouterQuotingTests {
    @Test(arguments: [
        RequestHead(method: "POST", uri: "/v1/traces", contentType: "text/\u{9B}2J\u{9D}0;pwned\u{9C}", contentEncoding: nil, contentLength: nil),
        RequestHead(method: "POST", uri: "/v1/traces", contentType: "application/json", contentEncoding: "br\u{1B}]52;c;eA==\u{7}", contentLength: nil),
        RequestHead(method: "GET", uri: "/api/v1/nope\u{1B}[2J", contentType: nil, contentEncoding: nil, contentLength: nil),
        RequestHead(method: "POST", uri: "/v1/elsewhere\u{7F}\u{85}", contentType: nil, contentEncoding: nil, contentLength: nil),
    ])
    func refusalsQuoteNoControlCharacter(head: RequestHead) throws {
        guard case .failure(let failure, _) = RequestRouter.route(head, maxBodyBytes: 1000) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(!failure.message.unicodeScalars.contains(where: ControlCharacters.isControl), "\(failure.message)")
        #expect(failure.message.contains("\u{FFFD}"))
    }
}
