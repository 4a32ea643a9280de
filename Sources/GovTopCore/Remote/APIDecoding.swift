import Foundation

/// Reads one govtop's `/api/v1` answers into the types the dashboard draws (`govtop attach`).
///
/// The answer is hostile until read: its size is bounded by the client before it gets here, the
/// decoder bounds nesting, a field of the wrong type rejects the document, text has control
/// characters replaced and is cut to `maxText` characters, counts are never negative and amounts
/// are finite and never negative.
public enum APIDecoding {
    /// Longest text kept from any field (names, messages, attribute values).
    static let maxText = 4096

    /// `/api/v1/summary`: the totals and the cost per minute over the last minute.
    public static func summary(_ bytes: [UInt8]) throws(APIDecodeError) -> (summary: Summary, costUSDPerMinute: Double) {
        let document = try decode(APIDocuments.Summary.self, bytes, path: "/api/v1/summary")
        var summary = Summary()
        summary.spansReceived = count(document.spansReceived)
        summary.spansStored = count(document.spansStored)
        summary.spansEvicted = count(document.spansEvicted)
        summary.spansRejected = count(document.spansRejected)
        summary.tracesStored = count(document.tracesStored)
        summary.storeBytes = count(document.storeBytes)
        summary.requestsTotal = count(document.requestsTotal)
        summary.costUSDTotal = amount(document.costUsdTotal)
        summary.inputTokensTotal = max(0, document.inputTokensTotal ?? 0)
        summary.outputTokensTotal = max(0, document.outputTokensTotal ?? 0)
        summary.unpricedRequestsTotal = count(document.unpricedRequestsTotal)
        summary.policyViolationsTotal = count(document.policyViolationsTotal)
        summary.evalFailuresTotal = count(document.evalFailuresTotal)
        summary.metricPointsReceived = count(document.metricPointsReceived)
        summary.logRecordsReceived = count(document.logRecordsReceived)
        summary.uptimeSeconds = amount(document.uptimeSeconds)
        summary.nullItemsDropped = count(document.nullItemsDropped)
        summary.ledgerWriteErrors = count(document.ledgerWriteErrors)
        for reason in ShedReason.allCases {
            if let shed = document.requestsShedByReason?[reason.name], shed > 0 { summary.requestsShedByReason[reason] = shed }
        }
        return (summary, amount(document.costUsdPerMinute))
    }

    /// `/api/v1/traces`: newest first, as the instance listed them; rows without a valid trace id are skipped.
    public static func traces(_ bytes: [UInt8]) throws(APIDecodeError) -> [TraceSummary] {
        let document = try decode(APIDocuments.TraceList.self, bytes, path: "/api/v1/traces")
        return (document.traces ?? []).compactMap { row in
            guard let id = row.traceId.flatMap({ TraceID(hex: $0) }), id.isValid else { return nil }
            let start = row.startTime.flatMap(RemoteTime.unixNanos) ?? 0
            return TraceSummary(
                traceID: id, rootName: text(row.rootName), service: text(row.service), startTimeUnixNano: start,
                durationNanos: nanos(milliseconds: row.durationMs), spanCount: count(row.spanCount), costUSD: amount(row.costUsd),
                inputTokens: max(0, row.inputTokens ?? 0), outputTokens: max(0, row.outputTokens ?? 0),
                attribution: Attribution(team: row.team.map { text($0) }), models: (row.models ?? []).prefix(64).map { text($0) },
                providers: [], errors: count(row.errors), policyViolations: count(row.policyViolations),
                evalFailures: count(row.evalFailures), hasRoot: row.hasRoot ?? false)
        }
    }

    /// `/api/v1/traces/{id}`: the trace's spans. Attribute objects come back with their keys sorted.
    public static func trace(_ bytes: [UInt8], id: TraceID) throws(APIDecodeError) -> TraceDetail {
        let path = "/api/v1/traces/\(id.hex)"
        let document = try decode(APIDocuments.Trace.self, bytes, path: path)
        guard document.traceId.flatMap({ TraceID(hex: $0) }) == id else {
            throw APIDecodeError(path: path, reason: "it is about another trace")
        }
        var origins: [String: SpanOrigin] = [:]
        let spans = (document.spans ?? []).compactMap { span -> SpanView? in
            guard let spanID = span.spanId.flatMap({ SpanID(hex: $0) }) else { return nil }
            let resource = Resource(attributes: attributes(span.resource))
            let scope = InstrumentationScope(name: text(span.scope?.name), version: text(span.scope?.version))
            let originKey = "\(resource.attributes)\u{0}\(scope.name)\u{0}\(scope.version)"
            let origin = origins[originKey] ?? SpanOrigin(resource: resource, scope: scope, resourceFacts: FactValues(resource.attributes))
            origins[originKey] = origin
            let record = SpanRecord(
                traceID: id, spanID: spanID, parentSpanID: span.parentSpanId.flatMap { SpanID(hex: $0) } ?? .none,
                name: text(span.name), kind: SpanKind.allCases.first { $0.name == span.kind } ?? .unspecified,
                startTimeUnixNano: span.startTimeUnixNano.flatMap { UInt64($0) } ?? 0,
                endTimeUnixNano: span.endTimeUnixNano.flatMap { UInt64($0) } ?? 0,
                attributes: attributes(span.attributes),
                events: (span.events ?? []).map { event in
                    SpanEvent(timeUnixNano: event.timeUnixNano.flatMap { UInt64($0) } ?? 0, name: text(event.name),
                              attributes: attributes(event.attributes))
                },
                links: (span.links ?? []).compactMap { link in
                    guard let trace = link.traceId.flatMap({ TraceID(hex: $0) }), let linked = link.spanId.flatMap({ SpanID(hex: $0) }) else {
                        return nil
                    }
                    return SpanLink(traceID: trace, spanID: linked, attributes: attributes(link.attributes))
                },
                statusCode: [StatusCode.unset, .ok, .error].first { $0.name == span.status?.code } ?? .unset,
                statusMessage: text(span.status?.message))
            return SpanView(record: record, origin: origin, cost: Money(usd: amount(span.costUsd), limit: 1e12) ?? .zero,
                            inputTokens: max(0, span.inputTokens ?? 0), outputTokens: max(0, span.outputTokens ?? 0),
                            policyViolations: 0, evalFailures: 0, invalidValues: (span.invalidValues ?? []).prefix(64).map { text($0) })
        }
        return TraceDetail(traceID: id, spans: spans)
    }

    /// `/api/v1/groups?by=…`: most expensive first. The trend sparkline is not served; it stays empty.
    public static func groups(_ bytes: [UInt8]) throws(APIDecodeError) -> [GroupRow] {
        let document = try decode(APIDocuments.Groups.self, bytes, path: "/api/v1/groups")
        return (document.groups ?? []).compactMap { row in
            guard let key = row.key else { return nil }
            var totals = Totals()
            totals.requests = count(row.requests)
            totals.inputTokens = Int128(max(0, row.inputTokens ?? 0))
            totals.outputTokens = Int128(max(0, row.outputTokens ?? 0))
            totals.reportedCost = Money(usd: amount(row.costUsdReported), limit: 1e12) ?? .zero
            totals.estimatedCost = Money(usd: amount(row.costUsdEstimated), limit: 1e12) ?? .zero
            totals.unpricedRequests = count(row.unpricedRequests)
            totals.errors = count(row.errors)
            totals.policyViolations = count(row.policyViolations)
            totals.evalFailures = count(row.evalFailures)
            func slot(_ window: String) -> RateSlot {
                let rates = row.rates?[window]
                return RateSlot(costUSD: amount(rates?.costUsdPerMinute), tokens: amount(rates?.tokensPerMinute),
                                requests: amount(rates?.requestsPerMinute))
            }
            return GroupRow(key: text(key), totals: totals, lastMinute: slot("1m"), last5Minutes: slot("5m"), lastHour: slot("1h"), trend: [])
        }
    }

    /// `/api/v1/budgets`: in the instance's order.
    public static func budgets(_ bytes: [UInt8]) throws(APIDecodeError) -> [BudgetStatus] {
        let document = try decode(APIDocuments.Budgets.self, bytes, path: "/api/v1/budgets")
        return (document.budgets ?? []).map { budget in
            var scope: [Dimension: String] = [:]
            for (key, value) in budget.scope ?? [:] {
                if let dimension = Dimension(rawValue: key) { scope[dimension] = text(value) }
            }
            let thresholds = (budget.thresholds ?? []).prefix(16).filter { $0.isFinite && $0 >= 0 }.sorted()
            let utilization = budget.utilization.map(amount)
            return BudgetStatus(
                name: text(budget.name), source: budget.source.flatMap(BudgetSource.init(rawValue:)) ?? .config, scope: scope,
                period: budget.period.map { text($0) }, limitUSD: budget.limitUsd.map(amount), consumedUSD: budget.consumedUsd.map(amount),
                remainingUSD: budget.remainingUsd.map(amount), overageUSD: budget.overageUsd.map(amount), utilization: utilization,
                burnUSDPerHour: budget.burnUsdPerHour.map(amount), projectedExhaustion: budget.projectedExhaustion.flatMap(RemoteTime.unixNanos),
                resetsAt: budget.resetsAt.flatMap(RemoteTime.unixNanos), thresholds: thresholds,
                crossedThresholds: thresholds.filter { $0 <= (utilization ?? 0) },
                level: budget.status.flatMap(BudgetLevel.init(rawValue:)) ?? .ok)
        }
    }

    /// `/api/v1/alerts` (newest first), and the alert answered by `POST /api/v1/alerts/{id}/ack`.
    public static func alerts(_ bytes: [UInt8]) throws(APIDecodeError) -> [Alert] {
        try decode(APIDocuments.Alerts.self, bytes, path: "/api/v1/alerts").alerts?.compactMap(alert) ?? []
    }

    static func alert(_ alert: APIDocuments.Alert) -> Alert? {
        guard let id = alert.id, !id.isEmpty, id.count <= 64, let kind = alert.kind.flatMap(AlertKind.init(rawValue:)),
              let severity = alert.severity.flatMap(AlertSeverity.init(rawValue:)) else { return nil }
        return Alert(id: text(id), kind: kind, severity: severity, subject: text(alert.subject), message: text(alert.message),
                     firstSeen: alert.firstSeen.flatMap(RemoteTime.unixNanos) ?? 0, lastSeen: alert.lastSeen.flatMap(RemoteTime.unixNanos) ?? 0,
                     count: count(alert.count), state: alert.state.flatMap(AlertState.init(rawValue:)) ?? .active,
                     resolvedAt: alert.resolvedAt.flatMap(RemoteTime.unixNanos), acknowledged: alert.acknowledged ?? false)
    }

    // MARK: values

    private static func decode<Document: Decodable>(_ type: Document.Type, _ bytes: [UInt8], path: String) throws(APIDecodeError) -> Document {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw APIDecodeError(path: path, reason: reason(error))
        } catch {
            throw APIDecodeError(path: path, reason: "\(error)")
        }
    }

    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let place = context.codingPath.map(\.stringValue).joined(separator: ".")
            return text(place.isEmpty ? context.debugDescription : "at \(place): \(context.debugDescription)", limit: 200)
        @unknown default:
            return "unreadable"
        }
    }

    static func text(_ value: String?, limit: Int = maxText) -> String {
        guard let value else { return "" }
        return ControlCharacters.replaced(in: TextLimit.capped(value, to: limit))
    }

    private static func count(_ value: Int?) -> Int { max(0, value ?? 0) }

    private static func amount(_ value: Double?) -> Double {
        guard let value, value.isFinite, value > 0 else { return 0 }
        return min(value, 1e15)
    }

    private static func nanos(milliseconds: Double?) -> UInt64 {
        let value = amount(milliseconds) * 1_000_000
        return value < 1.8e19 ? UInt64(value) : UInt64.max
    }

    /// A JSON object of attributes, keys sorted; values at most 8 levels deep, 1000 members per level.
    private static func attributes(_ object: [String: AnyJSON]?) -> [Attribute] {
        (object ?? [:]).sorted { $0.key < $1.key }.prefix(1000).map { Attribute(text($0.key, limit: 256), value($0.value, depth: 0)) }
    }

    private static func value(_ json: AnyJSON, depth: Int) -> AttributeValue {
        guard depth < 8 else { return .string("…") }
        switch json {
        case .null: return .empty
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .string(let string): return .string(text(string))
        case .array(let values): return .array(values.prefix(1000).map { value($0, depth: depth + 1) })
        case .object(let members):
            return .kvlist(members.sorted { $0.key < $1.key }.prefix(1000).map { Attribute(text($0.key, limit: 256), value($0.value, depth: depth + 1)) })
        }
    }
}
