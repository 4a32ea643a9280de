import GovTopClient
import Testing

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(delays: [.milliseconds(100), .milliseconds(200)], maxRetryAfter: .seconds(3))

    @Test func retriesConnectionTroubleWithGrowingDelays() {
        let failure = ExportFailure.connect(endpoint: "http://h:1/v1/traces", reason: "connection refused")
        #expect(policy.delay(beforeRetry: 0, after: failure) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 1, after: failure) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 2, after: failure) == nil)
        #expect(policy.delay(beforeRetry: 0, after: .timedOut(seconds: 10)) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 0, after: .connectionLost(reason: "reset")) == .milliseconds(100))
    }

    @Test(arguments: [429, 502, 503, 504])
    func retriesTheStatusesOTLPCallsRetryable(code: Int) {
        #expect(policy.delay(beforeRetry: 0, after: .status(code: code, message: "", retryAfterSeconds: nil)) == .milliseconds(100))
    }

    @Test(arguments: [400, 401, 404, 413, 415, 500])
    func givesUpOnOtherStatuses(code: Int) {
        #expect(policy.delay(beforeRetry: 0, after: .status(code: code, message: "", retryAfterSeconds: nil)) == nil)
    }

    @Test func honoursRetryAfterUpToTheCap() {
        #expect(policy.delay(beforeRetry: 0, after: .status(code: 503, message: "", retryAfterSeconds: 2)) == .seconds(2))
        #expect(policy.delay(beforeRetry: 1, after: .status(code: 429, message: "", retryAfterSeconds: 1e12)) == .seconds(3))
        #expect(policy.delay(beforeRetry: 2, after: .status(code: 429, message: "", retryAfterSeconds: 1)) == nil)
    }

    @Test func noneNeverRetries() {
        #expect(RetryPolicy.none.delay(beforeRetry: 0, after: .timedOut(seconds: 1)) == nil)
    }

    @Test(arguments: [
        (ExportFailure.connect(endpoint: "http://h:1/v1/traces", reason: "connection refused"), "cannot connect to http://h:1/v1/traces: connection refused"),
        (.timedOut(seconds: 2.5), "no response within 2.5 s"),
        (.timedOut(seconds: 10), "no response within 10 s"),
        (.status(code: 400, message: "bad span", retryAfterSeconds: nil), "HTTP 400: bad span"),
        (.status(code: 503, message: "", retryAfterSeconds: 1), "HTTP 503"),
    ])
    func describesFailures(failure: ExportFailure, text: String) {
        #expect(failure.description == text)
    }
}
