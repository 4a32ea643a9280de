import Foundation
import GovTopCore
import Synchronization

/// The dashboard's data from one or more running govtops' JSON APIs (`govtop attach`).
///
/// A background task polls every instance about once a second (each call with its timeouts and
/// bounded answers, the instances in parallel): summary, trace list, groups of the dimension on
/// screen, budgets, alerts, and the open trace's detail. The UI thread only reads what was fetched
/// last and merges it (`FleetMerge`); it never waits on the network. An instance that does not
/// answer keeps its last data out of the totals and is named in the header until it answers again.
public final class RemoteSource: DashboardSource {
    /// Time between two polls of an instance.
    public static let pollInterval: Duration = .seconds(1)
    /// Rows of the trace list asked of each instance (the API's maximum).
    static let traceRows = 1000
    /// Notices kept until the UI takes them.
    static let maxNotices = 20

    private struct State {
        var readings: [InstanceReading]
        /// Why each instance's latest poll failed (nil: it answered), in the order given.
        var failures: [APIFailure?]
        var request = DashboardRequest()
        var trace: TraceDetail?
        var wantedTrace: TraceID?
        var missingTrace: TraceID?
        var owners: [TraceID: Int] = [:]
        var routes: [String: AlertRoute] = [:]
        var notices: [String] = []
        var costRate = CostRateSeries()
        /// Acknowledgements to send before the next poll (the poll loop is the only caller of the
        /// clients, so one connection never carries two requests at once).
        var pendingAcks: [AlertRoute] = []
        /// Poll now rather than at the end of the interval (a key asked for something).
        var nudged = false
    }

    private let clients: [GovTopAPIClient]
    private let state: Mutex<State>
    private let poller = Mutex<Task<Void, Never>?>(nil)

    public init(clients: [GovTopAPIClient]) {
        self.clients = clients
        state = Mutex(State(readings: clients.map { InstanceReading(label: $0.url.label) },
                            failures: Array(repeating: nil, count: clients.count)))
    }

    /// The labels (`host:port`) of the instances, in the order given.
    public var labels: [String] { clients.map(\.url.label) }

    /// Starts polling in the background.
    public func start() {
        poller.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in
                while !Task.isCancelled {
                    await sendAcknowledgements()
                    await pollOnce()
                    // The interval in steps, so a nudge (a trace opened, an alert acknowledged) is served soon.
                    for _ in 0..<10 where !Task.isCancelled && !state.withLock({ $0.nudged }) {
                        try? await Task.sleep(for: Self.pollInterval / 10)
                    }
                    state.withLock { $0.nudged = false }
                }
            }
        }
    }

    /// Stops polling and closes the connections.
    public func stop() async {
        let task = poller.withLock { task in
            defer { task = nil }
            return task
        }
        task?.cancel()
        await task?.value
        for client in clients { await client.close() }
    }

    /// Sends the acknowledgements asked for since the last poll.
    public func sendAcknowledgements() async {
        let acks = state.withLock { state in
            defer { state.pendingAcks.removeAll() }
            return state.pendingAcks
        }
        for route in acks {
            let client = clients[route.instance]
            let id = route.id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? route.id
            do throws(APIFailure) {
                _ = try await client.post("/api/v1/alerts/\(id)/ack")
                notice("alert acknowledged on \(client.url.label)")
            } catch {
                if case .status(_, _, 404, _) = error { notice("that alert is gone from \(client.url.label)") } else { notice(error.description) }
            }
        }
    }

    /// Polls every instance once, in parallel, and records what each answered.
    public func pollOnce() async {
        let (dimension, wanted) = state.withLock { ($0.request.groupDimension, $0.wantedTrace) }
        let owner = wanted.flatMap { id in state.withLock { $0.owners[id] } }
        await withTaskGroup(of: Void.self) { group in
            for index in clients.indices {
                group.addTask { [self] in
                    await poll(index, dimension: dimension, trace: owner == nil || owner == index ? wanted : nil)
                }
            }
        }
        let total = state.withLock { state in state.readings.reduce(0.0) { $0 + ($1.summary?.costUSDTotal ?? 0) } }
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { $0.costRate.record(total: total, at: now) }
    }

    private func poll(_ index: Int, dimension: GovTopCore.Dimension, trace wanted: TraceID?) async {
        let client = clients[index]
        do throws(APIFailure) {
            let (summary, costPerMinute) = try decoded(APIDecoding.summary, try await client.get("/api/v1/summary"), client)
            let traces = try decoded(APIDecoding.traces, try await client.get("/api/v1/traces?limit=\(Self.traceRows)"), client)
            let groups = try decoded(APIDecoding.groups, try await client.get("/api/v1/groups?by=\(dimension.rawValue)"), client)
            let budgets = try decoded(APIDecoding.budgets, try await client.get("/api/v1/budgets"), client)
            let alerts = try decoded(APIDecoding.alerts, try await client.get("/api/v1/alerts"), client)
            let back = state.withLock { state in
                var reading = state.readings[index]
                let wasDown = reading.problem != nil
                reading.summary = summary
                reading.costUSDPerMinute = costPerMinute
                reading.traces = traces
                reading.groups = groups
                reading.groupsDimension = dimension
                reading.budgets = budgets
                reading.alerts = alerts
                reading.problem = nil
                state.readings[index] = reading
                state.failures[index] = nil
                return wasDown
            }
            if back { notice("govtop at \(client.url) answers again") }
            if let wanted { await fetchTrace(wanted, from: index) }
        } catch {
            let isNew = state.withLock { state in
                var reading = state.readings[index]
                let isNew = reading.problem != error.description
                reading.problem = error.description
                // Totals, traces and alerts of an instance that does not answer are not shown as current.
                reading.summary = nil
                reading.traces = []
                reading.alerts = nil
                if error.isUnreachable {
                    reading.groups = nil
                    reading.budgets = nil
                }
                state.readings[index] = reading
                state.failures[index] = error
                return isNew
            }
            if isNew { notice(error.description) }
        }
    }

    private func fetchTrace(_ id: TraceID, from index: Int) async {
        let client = clients[index]
        do throws(APIFailure) {
            let detail = try decoded({ bytes throws(APIDecodeError) in try APIDecoding.trace(bytes, id: id) },
                                     try await client.get("/api/v1/traces/\(id.hex)"), client)
            state.withLock { state in
                guard state.wantedTrace == id else { return }
                state.trace = detail
            }
        } catch {
            if case .status(_, _, 404, _) = error {
                let owned = state.withLock { state in
                    guard state.wantedTrace == id, state.owners[id] == index else { return false }
                    state.missingTrace = id
                    return true
                }
                if owned { notice("trace \(id.hex) is no longer stored on \(client.url.label)") }
            } else {
                notice(error.description)
            }
        }
    }

    private func decoded<Value>(_ decode: ([UInt8]) throws(APIDecodeError) -> Value, _ bytes: [UInt8],
                                _ client: GovTopAPIClient) throws(APIFailure) -> Value {
        do {
            return try decode(bytes)
        } catch {
            throw .unreadable(url: client.url.description, reason: error.description)
        }
    }

    private func notice(_ message: String) {
        state.withLock { state in
            state.notices.append(message)
            if state.notices.count > Self.maxNotices { state.notices.removeFirst(state.notices.count - Self.maxNotices) }
        }
    }

    // MARK: DashboardSource

    public func dashboard(_ request: DashboardRequest) -> DashboardSnapshot {
        let now = UInt64(max(0, Date().timeIntervalSince1970) * 1e9)
        let merged = state.withLock { state in
            if state.request.groupDimension != request.groupDimension { state.nudged = true }
            state.request = request
            if let open = request.openTrace, open != state.wantedTrace {
                state.wantedTrace = open
                state.trace = nil
                state.missingTrace = nil
                state.nudged = true
            }
            let merged = FleetMerge.merge(state.readings, request: request, now: now, costPerSecond: state.costRate.perSecond,
                                          openTrace: state.trace)
            state.owners = merged.traceOwners
            state.routes = merged.alertRoutes
            return merged
        }
        return merged.snapshot
    }

    public func lookUpTrace(_ id: TraceID) -> TraceLookup {
        state.withLock { state in
            if state.wantedTrace != id {
                state.wantedTrace = id
                state.trace = nil
                state.missingTrace = nil
                state.nudged = true
            }
            if let trace = state.trace { return .found(trace) }
            return state.missingTrace == id ? .missing : .loading
        }
    }

    public func acknowledge(alertID: String) -> String {
        state.withLock { state in
            guard let route = state.routes[alertID] else { return "that alert is gone" }
            state.pendingAcks.append(route)
            state.nudged = true
            return "acknowledging alert \(alertID) on \(state.readings[route.instance].label)…"
        }
    }

    public func clearResolved() -> String {
        "clearing resolved alerts is not available in attach: each govtop keeps its own alert log (clear it there)"
    }

    public func takeNotices() -> [String] {
        state.withLock { state in
            defer { state.notices.removeAll() }
            return state.notices
        }
    }

    /// Instances whose latest poll failed, by label.
    public func unavailable() -> [String] {
        state.withLock { state in state.readings.filter { $0.problem != nil }.map(\.label) }
    }

    /// The latest poll's failures that polling again will not mend (`APIFailure.isRefusal`: a
    /// token refused, a certificate that does not verify), in the order the instances were given.
    public func refusals() -> [APIFailure] {
        state.withLock { state in state.failures.compactMap { $0 }.filter(\.isRefusal) }
    }

    /// History is not fetched in attach (the History screen says so).
    public var hasLedger: Bool { false }

    public func currentTime() -> UInt64 { UInt64(max(0, Date().timeIntervalSince1970) * 1e9) }

    public func history(_ query: HistoryQuery) throws(LedgerStoreError) -> HistoryAnswer {
        HistoryAnswer(query: query, series: [])
    }
}
