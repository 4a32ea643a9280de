import GovTopCore
import GovTopDemo
import GovTopRender
import Testing

@Suite struct DemoReplayTests {
    func growth(_ replay: DemoReplay) -> BudgetStatus? {
        replay.engine.budgets().first { $0.name == "team:growth" }
    }

    @Test func tellsTheDemoStoryThroughTheWholePipeline() throws {
        let replay = try DemoReplay(seconds: 150)
        let summary = replay.engine.summary()
        #expect(replay.clock.now == DemoReplay.defaultStartTime + 150 * 1_000_000_000)
        #expect(summary.spansReceived == replay.spans)
        #expect(summary.spansRejected == 0)
        #expect(summary.spansReceived > 2_000)
        #expect(replay.engine.groups(by: .team).filter { $0.totals.costUSD > 0 }.count >= 5)
        #expect(growth(replay)?.level == .exceeded)
        #expect(replay.engine.alerts().contains { $0.kind == .costSpike })
    }

    @Test func warnsBeforeItRunsOut() throws {
        let level = try growth(DemoReplay(seconds: 60))?.level
        #expect(level == .warning || level == .critical)
    }

    @Test func sameArgumentsSameState() throws {
        let first = try DemoReplay(seconds: 40, seed: 7)
        let second = try DemoReplay(seconds: 40, seed: 7)
        let other = try DemoReplay(seconds: 40, seed: 8)
        #expect(first.engine.summary() == second.engine.summary())
        #expect(first.engine.budgets() == second.engine.budgets())
        #expect(first.engine.traces(TraceQuery(limit: 1_000)) == second.engine.traces(TraceQuery(limit: 1_000)))
        #expect(first.engine.traces(TraceQuery(limit: 1_000)) != other.engine.traces(TraceQuery(limit: 1_000)))
    }

    @Test(arguments: [-1, DemoReplay.maximumSeconds + 1])
    func refusesSecondsOutOfRange(seconds: Int) {
        #expect(throws: RenderError("--seconds must be from 0 to 3600, not \(seconds)")) { try DemoReplay(seconds: seconds) }
    }

    @Test func zeroSecondsIsAnEmptyEngine() throws {
        let replay = try DemoReplay(seconds: 0)
        #expect(replay.spans == 0)
        #expect(replay.engine.summary().spansReceived == 0)
    }
}
