import GovTopTestSupport
import Foundation
import GovTopClient
import GovTopCore
import GovTopReceiver
import Testing

/// `govtop attach`'s data source against real headless govtop servers.
@Suite struct RemoteSourceTests {
    /// An LLM call of `team` costing `cost`, the root of trace `trace`, started `start` seconds into 2026.
    private func call(trace: UInt64, team: String, cost: Double, start: UInt64) -> TraceBatch {
        let begin = (1_767_225_600 + start) * 1_000_000_000
        let span = SpanRecord(traceID: TraceID(high: 0xA77AC, low: trace), spanID: SpanID(trace * 10), name: "chat gpt-4o", kind: .client,
                              startTimeUnixNano: begin, endTimeUnixNano: begin + 250_000_000, attributes: [
                                  Attribute("gen_ai.system", .string("openai")), Attribute("gen_ai.request.model", .string("gpt-4o")),
                                  Attribute("gen_ai.usage.input_tokens", .int(100)), Attribute("gen_ai.usage.output_tokens", .int(20)),
                                  Attribute("genops.cost.total", .double(cost)), Attribute("genops.team", .string(team)),
                              ])
        return TraceBatch(resourceSpans: [ResourceSpans(resource: Resource(attributes: [Attribute("service.name", .string("svc-\(team)"))]),
                                                        scopeSpans: [ScopeSpans(scope: InstrumentationScope(name: "t"), spans: [span])])])
    }

    private func source(_ ports: [Int], token: String? = nil) throws -> RemoteSource {
        RemoteSource(clients: try ports.map { port in
            try GovTopAPIClient(url: try GovTopURL(parsing: "http://127.0.0.1:\(port)"), token: token, connectTimeout: .seconds(10),
                                responseTimeout: .seconds(30))
        })
    }

    private func start(_ engine: Engine, token: String? = nil) async throws -> (GovTopServer, Int) {
        var configuration = ReceiverConfiguration(host: "127.0.0.1", port: 0)
        if let token { configuration.access = AccessControl(token: try BearerToken(fileText: token)) }
        let server = GovTopServer(configuration: configuration, engine: engine)
        return (server, try await server.start())
    }

    @Test func mergesTracesFetchesDetailOnDemandAndAcknowledgesThroughTheAPI() async throws {
        let budgeted = Engine(configuration: EngineConfiguration(budgets: [BudgetDefinition(scope: [.team: "ml"], limitUSD: 1, period: .monthly)]))
        let plain = Engine()
        _ = budgeted.ingest(call(trace: 1, team: "ml", cost: 2, start: 100))
        _ = plain.ingest(call(trace: 2, team: "web", cost: 0.5, start: 200))
        budgeted.tick()
        let exceeded = try #require(budgeted.alerts().first { $0.kind == .budgetExceeded })
        let (first, firstPort) = try await start(budgeted)
        let (second, secondPort) = try await start(plain)
        let remote = try source([firstPort, secondPort])
        await remote.pollOnce()

        let snapshot = remote.dashboard(DashboardRequest())
        #expect(snapshot.traces.traces.map(\.traceID.low) == [2, 1])
        #expect(snapshot.traces.traces.map(\.team) == ["web", "ml"])
        #expect(snapshot.summary.costUSDTotal == 2.5)
        #expect(snapshot.summary.spansReceived == 2)
        #expect(snapshot.budgets.map(\.name) == ["team:ml"])
        #expect(snapshot.budgets.first?.consumedUSD == 2)
        #expect(snapshot.budgets.first?.level == .exceeded)
        #expect(snapshot.groups.map(\.key) == ["ml"])
        #expect(remote.unavailable().isEmpty)

        let id = TraceID(high: 0xA77AC, low: 2)
        guard case .loading = remote.lookUpTrace(id) else { Issue.record("the detail should be fetched, not known"); return }
        await remote.pollOnce()
        guard case .found(let detail) = remote.lookUpTrace(id) else { Issue.record("the detail did not arrive"); return }
        #expect(detail.spans.map(\.record.name) == ["chat gpt-4o"])
        #expect(detail.spans.first?.service == "svc-web")
        #expect(detail.spans.first?.record.attributes.first { $0.key == "genops.team" }?.value == .string("web"))
        #expect(remote.dashboard(DashboardRequest(openTrace: id)).trace?.traceID == id)

        let shownID = "1/\(exceeded.id)"
        #expect(snapshot.alerts.contains { $0.id == shownID && !$0.acknowledged })
        #expect(remote.acknowledge(alertID: shownID).hasPrefix("acknowledging alert \(shownID) on 127.0.0.1:\(firstPort)"))
        await remote.sendAcknowledgements()
        #expect(budgeted.alerts().first { $0.id == exceeded.id }?.acknowledged == true)
        #expect(remote.takeNotices().contains("alert acknowledged on 127.0.0.1:\(firstPort)"))
        await remote.pollOnce()
        #expect(remote.dashboard(DashboardRequest()).alerts.first { $0.id == shownID }?.acknowledged == true)
        #expect(remote.acknowledge(alertID: "9/a1") == "that alert is gone")

        await remote.stop()
        await first.stop()
        await second.stop()
    }

    @Test func anUnreachableInstanceIsNamedAndTheOthersStillShow() async throws {
        let engine = Engine()
        _ = engine.ingest(call(trace: 7, team: "ml", cost: 1, start: 10))
        let (server, port) = try await start(engine)
        let gone = try ClosedPort()
        let gonePort = gone.port
        let remote = try source([gonePort, port])
        await remote.pollOnce()
        #expect(remote.unavailable() == ["127.0.0.1:\(gonePort)"])
        #expect(remote.takeNotices().contains { $0.hasPrefix("govtop at http://127.0.0.1:\(gonePort) is unreachable") })
        let snapshot = remote.dashboard(DashboardRequest())
        #expect(snapshot.traces.traces.map(\.traceID.low) == [7])
        #expect(snapshot.summary.costUSDTotal == 1)
        await remote.stop()
        await server.stop()
        withExtendedLifetime(gone) {}
    }

    /// attach stops before its screen on a refusal (`refusals()`); an instance that is merely down is not one.
    @Test(arguments: [nil, "wrong-token"] as [String?])
    func aRefusedTokenIsARefusalNamingTheInstanceAndTheRightTokenIsNot(token: String?) async throws {
        let engine = Engine()
        _ = engine.ingest(call(trace: 3, team: "ml", cost: 1, start: 10))
        let (server, port) = try await start(engine, token: "right-token")
        let gone = try ClosedPort()
        let gonePort = gone.port

        let refused = try source([gonePort, port], token: token)
        await refused.pollOnce()
        #expect(refused.refusals() == [.unauthorized(url: "http://127.0.0.1:\(port)", tokenSent: token != nil)])
        #expect(refused.unavailable() == ["127.0.0.1:\(gonePort)", "127.0.0.1:\(port)"])
        #expect(refused.dashboard(DashboardRequest()).traces.traces.isEmpty)
        await refused.stop()

        let admitted = try source([gonePort, port], token: "right-token")
        await admitted.pollOnce()
        #expect(admitted.refusals().isEmpty)
        #expect(admitted.unavailable() == ["127.0.0.1:\(gonePort)"])
        #expect(admitted.dashboard(DashboardRequest()).traces.traces.map(\.traceID.low) == [3])
        await admitted.stop()
        await server.stop()
        withExtendedLifetime(gone) {}
    }

    @Test func anInstanceThatAnswersGarbageIsReportedNotFatal() async throws {
        let garbage = TestHTTPServer.Response(status: .ok, headers: [("Content-Type", "application/json")], body: Array(#"{"spans_received": "lots"}"#.utf8))
        let server = try await TestHTTPServer(script: [garbage])
        let remote = try source([server.port])
        await remote.pollOnce()
        let notices = remote.takeNotices()
        #expect(notices.count == 1)
        #expect(notices.first?.contains("/api/v1/summary is not govtop's JSON") == true)
        #expect(remote.dashboard(DashboardRequest()).traces.traces.isEmpty)
        await remote.stop()
        await server.stop()
    }
}
