import Testing
@testable import GovTopCore

/// Reading govtop API answers that may come from anything listening at the URL.
@Suite struct APIDecodingTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: [
        ("not json at all", "not govtop's JSON"),
        (#"{"traces": "many"}"#, "traces"),
        (#"{"traces": [{"trace_id": 5}]}"#, "Index 0"),
        (#"{"traces": [{"span_count": 1e300}]}"#, "not govtop's JSON"),
    ])
    func malformedAnswersAreRejectedWithTheirPlace(body: String, mentions: String) {
        #expect {
            _ = try APIDecoding.traces(bytes(body))
        } throws: { error in
            "\(error)".contains(mentions) && "\(error)".contains("/api/v1/traces")
        }
    }

    /// Not an argument of the test above: the test log prints every argument in full.
    @Test func aDeeplyNestedAnswerIsRejectedWithItsPlace() {
        let body = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            _ = try APIDecoding.traces(bytes(body))
        } throws: { error in
            "\(error)".contains("not govtop's JSON") && "\(error)".contains("/api/v1/traces")
        }
    }

    @Test func traceRowsAreCleanedAndBounded() throws {
        let id = String(repeating: "ab", count: 16)
        let body = #"{"traces": [{"trace_id": "\#(id)", "root_name": "evil\u001b[2Jname", "service": "s", "#
            + #""start_time": "2026-01-31T12:00:00.5Z", "duration_ms": -5, "span_count": -3, "cost_usd": 1.25, "team": "ml\u0007", "#
            + #""models": ["m"], "has_root": true}, {"trace_id": "00000000000000000000000000000000"}, {"trace_id": "xyz"}]}"#
        let rows = try APIDecoding.traces(bytes(body))
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.traceID.hex == id)
        #expect(row.rootName == "evil\u{FFFD}[2Jname")
        #expect(row.team == "ml\u{FFFD}")
        #expect(row.durationNanos == 0)
        #expect(row.spanCount == 0)
        #expect(row.costUSD == 1.25)
        #expect(row.startTimeUnixNano == 1_769_860_800_500_000_000)
    }

    @Test(arguments: [
        ("2026-01-31T12:00:00Z", UInt64(1_769_860_800_000_000_000)),
        ("2026-01-31T12:00:00.123456789Z", 1_769_860_800_123_456_789),
        ("1970-01-01T00:00:00.000000001Z", 1),
        ("2026-13-01T00:00:00Z", nil),
        ("2026-01-31T12:00:00.1234567890Z", nil),
        ("2026-01-31 12:00:00Z", nil),
        ("1969-12-31T23:59:59Z", nil),
    ] as [(String, UInt64?)])
    func timesOfTheAPIAreReadToTheNanosecond(text: String, expected: UInt64?) {
        #expect(RemoteTime.unixNanos(text) == expected)
    }

    @Test func alertsWithUnknownKindsOrSeveritiesAreSkipped() throws {
        let body = #"{"alerts": [{"id": "a1", "kind": "budget_exceeded", "severity": "critical", "subject": "budget", "#
            + #""message": "over", "first_seen": "2026-01-31T12:00:00Z", "last_seen": "2026-01-31T12:00:01Z", "count": 2, "#
            + #""state": "active", "acknowledged": false}, {"id": "a2", "kind": "meteor", "severity": "critical"}, "#
            + #"{"id": "a3", "kind": "cost_spike", "severity": "apocalyptic"}]}"#
        let alerts = try APIDecoding.alerts(bytes(body))
        #expect(alerts.map(\.id) == ["a1"])
        #expect(alerts.first?.kind == .budgetExceeded)
        #expect(alerts.first?.count == 2)
    }

    @Test func deeplyNestedAttributeValuesAreCut() throws {
        let id = String(repeating: "cd", count: 16)
        var nested = "1"
        for _ in 0..<20 { nested = "[\(nested)]" }
        let body = #"{"trace_id": "\#(id)", "spans": [{"span_id": "0000000000000001", "name": "n", "kind": "client", "#
            + #""start_time_unix_nano": "10", "end_time_unix_nano": "20", "attributes": {"deep": \#(nested), "b": 1, "a": "x"}, "#
            + #""status": {"code": "error", "message": "bad"}, "resource": {"service.name": "svc"}, "scope": {"name": "lib"}}]}"#
        let detail = try APIDecoding.trace(bytes(body), id: try #require(TraceID(hex: id)))
        let span = try #require(detail.spans.first)
        #expect(span.record.attributes.map(\.key) == ["a", "b", "deep"])
        #expect(span.record.statusCode == .error)
        #expect(span.record.kind == .client)
        #expect(span.service == "svc")
        var value = span.record.attributes[2].value
        var depth = 0
        while case .array(let inner) = value, let first = inner.first {
            value = first
            depth += 1
        }
        #expect(depth == 8)
        #expect(value == .string("…"))
    }

    @Test func aTraceAnswerAboutAnotherTraceIsRejected() {
        let asked = TraceID(high: 1, low: 1)
        #expect(throws: APIDecodeError.self) {
            _ = try APIDecoding.trace(Array(#"{"trace_id": "00000000000000020000000000000002", "spans": []}"#.utf8), id: asked)
        }
    }
}
