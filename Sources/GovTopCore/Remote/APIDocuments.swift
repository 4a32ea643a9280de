import Foundation

/// The JSON documents a govtop's `/api/v1` serves (see GovTopReceiver/API), as `govtop attach`
/// reads them. Every field is optional, so a newer or older govtop that adds or drops a field is
/// still read; a field of the wrong type fails the whole document (it is not a govtop answer).
/// Snake-case keys are converted by the decoder (`APIDecoding`).
enum APIDocuments {
    struct Summary: Decodable {
        var spansReceived: Int?
        var spansStored: Int?
        var spansEvicted: Int?
        var spansRejected: Int?
        var tracesStored: Int?
        var storeBytes: Int?
        var requestsTotal: Int?
        var costUsdTotal: Double?
        var inputTokensTotal: Int64?
        var outputTokensTotal: Int64?
        var unpricedRequestsTotal: Int?
        var policyViolationsTotal: Int?
        var evalFailuresTotal: Int?
        var metricPointsReceived: Int?
        var logRecordsReceived: Int?
        var costUsdPerMinute: Double?
        var uptimeSeconds: Double?
        var nullItemsDropped: Int?
        var ledgerWriteErrors: Int?
        var requestsShedByReason: [String: Int]?
    }

    struct TraceList: Decodable {
        var traces: [TraceRow]?
    }

    struct TraceRow: Decodable {
        var traceId: String?
        var rootName: String?
        var service: String?
        var startTime: String?
        var durationMs: Double?
        var spanCount: Int?
        var costUsd: Double?
        var inputTokens: Int64?
        var outputTokens: Int64?
        var team: String?
        var models: [String]?
        var errors: Int?
        var policyViolations: Int?
        var evalFailures: Int?
        var hasRoot: Bool?
    }

    struct Trace: Decodable {
        var traceId: String?
        var spans: [Span]?
    }

    struct Span: Decodable {
        struct Status: Decodable {
            var code: String?
            var message: String?
        }

        struct Scope: Decodable {
            var name: String?
            var version: String?
        }

        struct Event: Decodable {
            var name: String?
            var timeUnixNano: String?
            var attributes: [String: AnyJSON]?
        }

        struct Link: Decodable {
            var traceId: String?
            var spanId: String?
            var attributes: [String: AnyJSON]?
        }

        var spanId: String?
        var parentSpanId: String?
        var name: String?
        var kind: String?
        var startTimeUnixNano: String?
        var endTimeUnixNano: String?
        var costUsd: Double?
        var inputTokens: Int64?
        var outputTokens: Int64?
        var invalidValues: [String]?
        var status: Status?
        var attributes: [String: AnyJSON]?
        var events: [Event]?
        var links: [Link]?
        var resource: [String: AnyJSON]?
        var scope: Scope?
    }

    struct Groups: Decodable {
        struct Rates: Decodable {
            var costUsdPerMinute: Double?
            var tokensPerMinute: Double?
            var requestsPerMinute: Double?
        }

        struct Row: Decodable {
            var key: String?
            var requests: Int?
            var inputTokens: Int64?
            var outputTokens: Int64?
            var costUsdReported: Double?
            var costUsdEstimated: Double?
            var unpricedRequests: Int?
            var errors: Int?
            var policyViolations: Int?
            var evalFailures: Int?
            var rates: [String: Rates]?
        }

        var by: String?
        var groups: [Row]?
    }

    struct Budgets: Decodable {
        struct Budget: Decodable {
            var name: String?
            var scope: [String: String]?
            var source: String?
            var limitUsd: Double?
            var period: String?
            var consumedUsd: Double?
            var remainingUsd: Double?
            var overageUsd: Double?
            var utilization: Double?
            var burnUsdPerHour: Double?
            var projectedExhaustion: String?
            var resetsAt: String?
            var thresholds: [Double]?
            var status: String?
        }

        var budgets: [Budget]?
    }

    struct Alerts: Decodable {
        var alerts: [Alert]?
    }

    struct Alert: Decodable {
        var id: String?
        var kind: String?
        var severity: String?
        var subject: String?
        var message: String?
        var firstSeen: String?
        var lastSeen: String?
        var count: Int?
        var state: String?
        var resolvedAt: String?
        var acknowledged: Bool?
    }
}

/// Any JSON value (attribute values are natural JSON in the API). Object keys come back sorted:
/// the order the sender used is not kept by the decoder.
indirect enum AnyJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([AnyJSON])
    case object([String: AnyJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int64.self) { self = .int(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([AnyJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: AnyJSON].self)) }
    }
}
