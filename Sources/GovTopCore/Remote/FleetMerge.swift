/// Merges what several govtops answered into one dashboard snapshot (`govtop attach`). Pure: the
/// network is the caller's.
///
/// - Traces: every instance's list, one row per trace id (the first instance, in the order the
///   URLs were given, that lists it), then filtered, sorted and paged as the request asks, with the
///   instance that listed each trace remembered for its detail. Newest first is by start time,
///   since arrival order is each instance's own. Filters on span attributes need the spans, which
///   the list does not carry: with one, no trace matches.
/// - Groups and budgets: from the first instance (in URL order) that answered them. With a shared
///   ledger they are fleet-wide; without one they are that instance's.
/// - Totals and the cost rate: summed over the instances that answered (each counts what it received).
/// - Alerts: each instance's own, newest first; with more than one instance an alert's id and
///   subject name its instance (`2/a1`, `127.0.0.1:4319: budget team:ml`), and acknowledging goes
///   to that instance.
public enum FleetMerge {
    public struct Result: Sendable {
        public var snapshot: DashboardSnapshot
        /// Which instance listed each merged trace.
        public var traceOwners: [TraceID: Int]
        public var alertRoutes: [String: AlertRoute]
    }

    public static func merge(_ readings: [InstanceReading], request: DashboardRequest, now: UInt64,
                             costPerSecond: [Double] = [], openTrace: TraceDetail? = nil) -> Result {
        let answering = readings.filter { $0.summary != nil }
        var summary = Summary()
        for reading in answering {
            guard let part = reading.summary else { continue }
            summary.add(part)
        }
        let costPerMinute = answering.reduce(0) { $0 + $1.costUSDPerMinute }
        let rates = Rates(costUSDPerMinute: costPerMinute, costUSDPerMinute5m: 0, costUSDPerMinute1h: 0, tokensPerMinute: 0,
                          requestsPerMinute: 0, errorsPerMinute: 0, costPerSecond: costPerSecond, costPerMinute: [])
        let (page, owners) = traces(readings, query: request.traces)
        let (alerts, routes) = self.alerts(readings)
        let groups = readings.first { $0.groups != nil && $0.groupsDimension == request.groupDimension }?.groups ?? []
        let snapshot = DashboardSnapshot(
            now: now, summary: summary, rates: rates, traces: page, groupDimension: request.groupDimension,
            groups: Array(groups.prefix(request.groupLimit)), budgets: readings.lazy.compactMap(\.budgets).first ?? [],
            alerts: Array(alerts.prefix(request.alertLimit)), alertCounts: counts(alerts), bellRings: 0, maxSpans: 0, maxMemoryBytes: 0,
            trace: openTrace.flatMap { $0.traceID == request.openTrace ? $0 : nil })
        return Result(snapshot: snapshot, traceOwners: owners, alertRoutes: routes)
    }

    /// The merged, filtered, sorted page and the owner of every merged trace.
    static func traces(_ readings: [InstanceReading], query: TraceQuery) -> (TracePage, [TraceID: Int]) {
        var owners: [TraceID: Int] = [:]
        var merged: [TraceSummary] = []
        for (index, reading) in readings.enumerated() {
            for trace in reading.traces where owners[trace.traceID] == nil {
                owners[trace.traceID] = index
                merged.append(trace)
            }
        }
        var matching = query.attributePredicate == nil ? merged.filter(query.matches) : []
        matching.sort { first, second in
            let (a, b) = (query.order.key(first), query.order.key(second))
            if a != b { return query.ascending ? a < b : a > b }
            return first.traceID < second.traceID
        }
        let start = min(max(0, query.offset), matching.count)
        let page = Array(matching[start..<min(matching.count, start + max(0, query.limit))])
        return (TracePage(traces: page, matched: matching.count), owners)
    }

    /// Every instance's alerts, newest first, with the route back to each.
    static func alerts(_ readings: [InstanceReading]) -> ([Alert], [String: AlertRoute]) {
        let named = readings.count > 1
        var routes: [String: AlertRoute] = [:]
        var alerts: [Alert] = []
        for (index, reading) in readings.enumerated() {
            for alert in reading.alerts ?? [] {
                var shown = alert
                if named {
                    shown.id = "\(index + 1)/\(alert.id)"
                    shown.subject = "\(reading.label): \(alert.subject)"
                }
                routes[shown.id] = AlertRoute(instance: index, id: alert.id)
                alerts.append(shown)
            }
        }
        alerts.sort { ($0.lastSeen, $1.id) > ($1.lastSeen, $0.id) }
        return (alerts, routes)
    }

    /// Active alerts per severity, and the active ones nobody acknowledged (as the alert log counts them).
    static func counts(_ alerts: [Alert]) -> AlertCounts {
        var counts = AlertCounts()
        for alert in alerts where alert.isActive {
            counts[alert.severity] += 1
            if !alert.acknowledged { counts.unacknowledged += 1 }
        }
        return counts
    }
}

extension Summary {
    /// Adds another instance's counts, saturating (the numbers came from the network); uptime is the longest.
    mutating func add(_ other: Summary) {
        func sum<Number: FixedWidthInteger>(_ a: Number, _ b: Number) -> Number {
            let (total, overflow) = a.addingReportingOverflow(b)
            return overflow ? .max : total
        }
        spansReceived = sum(spansReceived, other.spansReceived)
        spansStored = sum(spansStored, other.spansStored)
        spansEvicted = sum(spansEvicted, other.spansEvicted)
        spansRejected = sum(spansRejected, other.spansRejected)
        tracesStored = sum(tracesStored, other.tracesStored)
        storeBytes = sum(storeBytes, other.storeBytes)
        requestsTotal = sum(requestsTotal, other.requestsTotal)
        costUSDTotal += other.costUSDTotal
        inputTokensTotal = sum(inputTokensTotal, other.inputTokensTotal)
        outputTokensTotal = sum(outputTokensTotal, other.outputTokensTotal)
        unpricedRequestsTotal = sum(unpricedRequestsTotal, other.unpricedRequestsTotal)
        policyViolationsTotal = sum(policyViolationsTotal, other.policyViolationsTotal)
        evalFailuresTotal = sum(evalFailuresTotal, other.evalFailuresTotal)
        metricPointsReceived = sum(metricPointsReceived, other.metricPointsReceived)
        logRecordsReceived = sum(logRecordsReceived, other.logRecordsReceived)
        uptimeSeconds = max(uptimeSeconds, other.uptimeSeconds)
        nullItemsDropped = sum(nullItemsDropped, other.nullItemsDropped)
        ledgerWriteErrors = sum(ledgerWriteErrors, other.ledgerWriteErrors)
        requestsShedByReason.merge(other.requestsShedByReason, uniquingKeysWith: sum)
    }
}
