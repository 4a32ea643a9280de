import GovTopCore

/// `GET /api/v1/history?by=DIM&bucket=hour|day&from=&to=`: validated parameters. `from` and `to`
/// are RFC 3339; without them the range ends now and spans 48 hours of hours or 30 days of days.
struct HistoryRequest: Sendable, Hashable {
    var dimension: Dimension
    var bucket: HistoryQuery.Bucket
    /// Unix seconds; nil for the default.
    var from: Int64?
    var to: Int64?
    var maxSeries: Int

    static func parse(_ query: Substring) throws(RequestFailure) -> HistoryRequest {
        let parameters = try QueryString(query)
        let dimension = try APIRequest.groupDimension(query)
        var bucket = HistoryQuery.Bucket.day
        if let text = parameters["bucket"], !text.isEmpty {
            guard let chosen = HistoryQuery.Bucket(rawValue: text) else {
                throw .badRequest("bucket must be hour or day; got '\(RequestRouter.shown(text))'")
            }
            bucket = chosen
        }
        func time(_ name: String) throws(RequestFailure) -> Int64? {
            guard let text = parameters[name], !text.isEmpty else { return nil }
            guard let seconds = RFC3339.parseSeconds(Substring(text)) else {
                throw .badRequest("\(name) must be an RFC 3339 time such as 2026-01-31T00:00:00Z; got '\(RequestRouter.shown(text))'")
            }
            return seconds
        }
        var maxSeries = HistoryQuery.defaultMaxSeries
        if let text = parameters["limit"] {
            guard let limit = Int(text), (1...HistoryQuery.defaultMaxSeries * 4).contains(limit) else {
                throw .badRequest("limit must be a whole number from 1 to \(HistoryQuery.defaultMaxSeries * 4), got '\(RequestRouter.shown(text))'")
            }
            maxSeries = limit
        }
        return HistoryRequest(dimension: dimension, bucket: bucket, from: try time("from"), to: try time("to"), maxSeries: maxSeries)
    }

    /// The query for a request answered at `now` (Unix seconds); a failure says what is out of bounds.
    func query(now: Int64) throws(RequestFailure) -> HistoryQuery {
        let end = to ?? (HistoryQuery.floor(now, to: bucket) + bucket.seconds)
        let start = from ?? (end - bucket.seconds * (bucket == .hour ? 48 : 30))
        guard start < end else { throw .badRequest("from must be before to") }
        let query = HistoryQuery(dimension: dimension, bucket: bucket, from: start, to: end, maxSeries: maxSeries)
        guard query.pointCount <= HistoryQuery.maxPoints else {
            throw .badRequest("the range spans \(query.pointCount) \(bucket.rawValue)s; at most \(HistoryQuery.maxPoints) per request "
                                + "(narrow from/to, or use bucket=day)")
        }
        return query
    }
}

/// The history answer as JSON.
enum HistoryRenderer {
    static func render(_ answer: HistoryAnswer) -> JSONValue {
        .object([
            ("by", .string(answer.query.dimension.rawValue)),
            ("bucket", .string(answer.query.bucket.rawValue)),
            ("from", .string(RFC3339.format(unixNanos: UInt64(max(0, answer.query.from)) * 1_000_000_000))),
            ("to", .string(RFC3339.format(unixNanos: UInt64(max(0, answer.query.to)) * 1_000_000_000))),
            ("omitted_series", .int(Int64(answer.omittedSeries))),
            ("series", .array(answer.series.map { series in
                .object([("key", .string(series.key)), ("points", .array(series.points.map(point)))])
            })),
        ])
    }

    private static func point(_ point: HistoryPoint) -> JSONValue {
        .object([
            ("start", .string(RFC3339.format(unixNanos: UInt64(max(0, point.start)) * 1_000_000_000))),
            ("cost_usd", .double(point.totals.cost.usd)),
            ("input_tokens", .int(Int64(clamping: point.totals.inputTokens))),
            ("output_tokens", .int(Int64(clamping: point.totals.outputTokens))),
            ("requests", .int(Int64(point.totals.requests))),
        ])
    }
}
