import GovTopCore

/// The answer of `GET /api/v1/decision` (decide, issue 15).
///
/// Allowed: `200` with `{"decision": "allow", "warnings": [...]}` and, when a budget covering the
/// scope is past a threshold, `X-Govtop-Budget-Warning`. Refused: the configured status (`429` by
/// default) with `Retry-After` (whole seconds until the budget allows again, at least 1),
/// `X-Govtop-Budget` (its name, for gateways that build their own answer) and
/// `{"decision": "deny", "budget", "limit_usd", "consumed_usd", "resets_at", "retry_after_seconds", "reason"}`.
enum DecisionRenderer {
    static let warningHeader = "X-Govtop-Budget-Warning"
    static let budgetHeader = "X-Govtop-Budget"
    /// The longest header value written; further warnings are left out of the header (not the body).
    static let maxHeaderBytes = 1024

    static func response(_ request: DecisionRequest, engine: Engine) -> HTTPResponse {
        let now = engine.currentTime()
        return response(engine.decide(request.scope, at: now), now: now, denyStatus: request.denyStatus)
    }

    static func response(_ decision: Decision, now: UInt64, denyStatus: Int) -> HTTPResponse {
        var headers: [(String, String)] = []
        if let warning = warningHeaderValue(decision.warnings) { headers.append((warningHeader, warning)) }
        let warnings = ("warnings", JSONValue.array(decision.warnings.map(warningJSON)))
        guard let denial = decision.denial else {
            return HTTPResponse(status: 200, contentType: APIResponder.contentType,
                                body: JSONValue.object([("decision", .string("allow")), warnings]).serialized, extraHeaders: headers)
        }
        let wait = denial.until > now ? denial.until - now : 0
        let seconds = max(1, (wait + 999_999_999) / 1_000_000_000)
        headers = [("Retry-After", String(seconds)), (budgetHeader, headerText(denial.name))] + headers
        let resetsAt = RFC3339.format(unixNanos: denial.until)
        let reason = "budget \(denial.name) (action block, period \(denial.period)) has used \(usd(denial.consumed)) of its "
            + "\(usd(denial.limit)) USD limit; requests in its scope are refused until \(resetsAt)"
        let body = JSONValue.object([
            ("decision", .string("deny")),
            ("budget", .string(denial.name)),
            ("limit_usd", .double(denial.limit.usd)),
            ("consumed_usd", .double(denial.consumed.usd)),
            ("resets_at", .string(resetsAt)),
            ("retry_after_seconds", .uint(seconds)),
            ("reason", .string(reason)),
            warnings,
        ])
        return HTTPResponse(status: denyStatus, contentType: APIResponder.contentType, body: body.serialized, extraHeaders: headers)
    }

    private static func warningJSON(_ entry: DecisionEntry) -> JSONValue {
        .object([
            ("budget", .string(entry.name)),
            ("action", .string(entry.action.rawValue)),
            ("utilization", .double(entry.utilization)),
            ("threshold", entry.threshold.map(JSONValue.double) ?? .null),
            ("limit_usd", .double(entry.limit.usd)),
            ("consumed_usd", .double(entry.consumed.usd)),
            ("until", .string(RFC3339.format(unixNanos: entry.until))),
        ])
    }

    /// `name=team:support; utilization=0.82; threshold=0.8, name=...`: printable ASCII only, at most
    /// `maxHeaderBytes` bytes (whole warnings); nil without warnings.
    static func warningHeaderValue(_ warnings: [DecisionEntry]) -> String? {
        var value = ""
        for entry in warnings {
            var part = "name=\(headerText(entry.name)); utilization=\(rounded(entry.utilization))"
            if let threshold = entry.threshold { part += "; threshold=\(rounded(threshold))" }
            let joined = value.isEmpty ? part : value + ", " + part
            guard joined.utf8.count <= maxHeaderBytes else { break }
            value = joined
        }
        return value.isEmpty ? nil : value
    }

    /// Text safe in a header value: printable ASCII, anything else (and `,` `;` `"`, which separate
    /// warnings) as `?`, at most 200 characters.
    static func headerText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(200) {
            let printable = scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "," && scalar != ";" && scalar != "\""
            result.unicodeScalars.append(printable ? scalar : "?")
        }
        return result
    }

    private static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String((value * 1000).rounded() / 1000)
    }

    private static func usd(_ amount: Money) -> String {
        let cents = (amount.usd * 100).rounded()
        guard cents.isFinite else { return "0.00" }
        let whole = Int64(cents / 100), fraction = Int64(abs(cents.truncatingRemainder(dividingBy: 100)))
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
