import GovTopCore
import Testing
@testable import GovTopUI

/// Drawing reads only the rows on screen: a page of 200,000 traces draws about as fast as one of
/// eleven, so the frame cost does not grow with what the store holds. Formatting every row of the
/// large page takes seconds in a debug build; the bound leaves room for a busy machine running
/// other tests in parallel (fastest of several runs, 10× plus 40 ms).
@Suite struct RenderCostTests {
    private func fastestRender(_ frame: DashboardFrame, state: NavigationState, runs: Int = 7) -> Duration {
        let clock = ContinuousClock()
        var best = Duration.seconds(1000)
        for _ in 0..<runs {
            var canvas = Canvas(width: 120, height: 40)
            let elapsed = clock.measure {
                DashboardView.render(into: &canvas, frame: frame, state: state, ascii: false)
            }
            best = min(best, elapsed)
        }
        return best
    }

    @Test(arguments: [false, true]) func drawingDoesNotDependOnHowManyTracesThePageHolds(zoomed: Bool) {
        var driver = ViewDriver(width: 120, height: 40)
        if zoomed { driver.press(.character("1"), .character("G"), .character("k")) }
        let small = driver.frame
        var large = small
        let page = small.snapshot.traces.traces
        let copies = 200_000 / page.count
        large.snapshot.traces.traces = (0..<copies).flatMap { copy in
            page.map { trace in
                var copied = trace
                copied.traceID = TraceID(high: trace.traceID.high, low: UInt64(copy))
                return copied
            }
        }
        large.snapshot.traces.matched = large.snapshot.traces.traces.count
        let state = driver.state
        let smallTime = fastestRender(small, state: state)
        let largeTime = fastestRender(large, state: state)
        #expect(largeTime < smallTime * 10 + .milliseconds(40), "\(largeTime) for 200k rows vs \(smallTime) for \(page.count)")
    }
}
