import Testing
import GovTopCore
import GovTopUI

@Suite struct SortTests {
    @Test func sCyclesTheOrderAndWrapsAround() {
        var driver = Driver()
        var orders = [driver.state.traceOrder]
        for _ in 0..<4 {
            #expect(driver.press(.ch("s")) == [.redraw])
            orders.append(driver.state.traceOrder)
        }
        #expect(orders == [.time, .cost, .duration, .tokens, .time])
    }

    @Test func capitalSReversesAndBack() {
        var driver = Driver()
        #expect(!driver.state.traceAscending)
        driver.press(.ch("S"))
        #expect(driver.state.traceAscending)
        driver.press(.ch("s"))
        #expect(driver.state.traceAscending, "cycling the order keeps the direction")
        driver.press(.ch("S"))
        #expect(!driver.state.traceAscending)
    }

    @Test func sortKeysOnlyWorkOnTraces() {
        var driver = Driver()
        driver.press(.tab)
        #expect(driver.press(.ch("s"), .ch("S")) == [])
        #expect(driver.state.traceOrder == .time)
        #expect(!driver.state.traceAscending)
    }

    @Test func theSelectedTraceStaysSelectedWhenTheOrderChanges() {
        var driver = Driver(NavigationContext(traces: rows(5, "t")))
        driver.press(.ch("j"), .ch("s"))
        driver.show { $0.traces.keys.reverse() }
        #expect(driver.state.traces.anchor == "t1")
        #expect(driver.state.traces.index == 3)
    }
}
