import GovTopCore
import Testing
@testable import GovTopUI

/// Colour roles on the cells that carry meaning: the selection, severities, budget levels,
/// trace flags and the header's markers.
@Suite struct ViewRoleTests {
    /// The row of the canvas whose text contains `text`, and the column where it starts.
    private func find(_ text: String, in canvas: Canvas, from row: Int = 0) -> (x: Int, y: Int)? {
        for y in row..<canvas.height {
            let cells = (0..<canvas.width).compactMap { canvas.cell(x: $0, y: y) }
            var columns: [Int] = []
            var line = ""
            for (x, cell) in cells.enumerated() where !cell.isContinuation {
                for _ in cell.grapheme { columns.append(x) }
                line += cell.grapheme
            }
            if let range = line.range(of: text) {
                return (columns[line.distance(from: line.startIndex, to: range.lowerBound)], y)
            }
        }
        return nil
    }

    private func role(_ canvas: Canvas, _ position: (x: Int, y: Int)?) -> Role? {
        position.flatMap { canvas.cell(x: $0.x, y: $0.y)?.style.role }
    }

    @Test func selectedTraceRowIsDrawnInTheSelectionRole() throws {
        var driver = ViewDriver(width: 120, height: 40)
        driver.press(.character("j"))
        let canvas = driver.render()
        let selected = try #require(find("chat claude-3-5-sonn", in: canvas))
        let inner = (1..<(canvas.width - 1)).map { canvas.cell(x: $0, y: selected.y)?.style.role }
        #expect(inner.allSatisfy { $0 == .selection })
        let unselected = try #require(find("healthcheck", in: canvas))
        #expect(role(canvas, unselected) == .text)
    }

    @Test func criticalAlertsUseTheCriticalRoleAndResolvedOnesAreMuted() throws {
        var driver = ViewDriver(width: 120, height: 40)
        driver.press(.character("4"), .character("G"))
        let canvas = driver.render()
        let critical = try #require(find("CRIT org-monthly 96% of $5.0k", in: canvas))
        #expect(role(canvas, critical) == .critical)
        #expect(canvas.cell(x: critical.x, y: critical.y)?.style.attributes.contains(.bold) == true)
        let warning = try #require(find("WARN team:support 92% of $0.10", in: canvas))
        #expect(role(canvas, warning) == .warning)
        let resolved = try #require(find("WARN faithfulness / team research", in: canvas))
        #expect(role(canvas, resolved) == .muted)
        let selectedLast = try #require(find("WARN pii-filter / team support", in: canvas))
        #expect(role(canvas, selectedLast) == .selection)
    }

    @Test(arguments: [
        ("team:growth", Role.gaugeCritical), ("team:support", .gaugeWarning), ("org-monthly", .gaugeCritical), ("campaign", .gaugeOK),
    ])
    func budgetGaugesTakeTheRoleOfTheirLevel(budget: String, expected: Role) throws {
        var driver = ViewDriver(width: 120, height: 40)
        driver.press(.character("3"))
        let canvas = driver.render()
        let header = try #require(find("USED", in: canvas))
        let row = try #require(find(budget, in: canvas, from: header.y + 1))
        #expect(role(canvas, (header.x, row.y)) == expected)
    }

    @Test func theSelectedBudgetKeepsItsGaugeColour() throws {
        var driver = ViewDriver(width: 120, height: 40)
        driver.press(.character("3"))
        let canvas = driver.render()
        let header = try #require(find("USED", in: canvas))
        let row = try #require(find("team:growth", in: canvas, from: header.y + 1))
        #expect(role(canvas, row) == .selection)
        #expect(role(canvas, (header.x, row.y)) == .gaugeCritical)
    }

    @Test func traceFlagsTakeTheRoleOfTheMostSeriousFlag() throws {
        let canvas = ViewDriver(width: 120, height: 40).render()
        let header = try #require(find("EVF", in: canvas))
        let error = try #require(find("invoke_agent", in: canvas))
        let violation = try #require(find("$0.0032", in: canvas))
        let evaluation = try #require(find("rag answer", in: canvas))
        #expect(role(canvas, (header.x, error.y)) == .critical)
        #expect(role(canvas, (header.x + 1, violation.y)) == .warning)
        #expect(role(canvas, (header.x + 2, evaluation.y)) == .info)
        #expect(canvas.line(error.y).contains("E  "))
    }

    @Test func headerMarksPauseAndAlertSeverities() throws {
        var driver = ViewDriver(width: 120, height: 40)
        #expect(find("PAUSED", in: driver.render()) == nil)
        driver.press(.character("p"))
        let canvas = driver.render()
        let paused = try #require(find("PAUSED", in: canvas))
        #expect(paused.y == 0 && role(canvas, paused) == .warning)
        #expect(role(canvas, find("C3", in: canvas)) == .critical)
        #expect(role(canvas, find("W3", in: canvas)) == .warning)
        #expect(role(canvas, find("I0", in: canvas)) == .header)
    }

    @Test func headerShowsShedExportsOnlyOnceSomeWereShed() throws {
        let engine = ViewFixture.engine()
        let quiet = ViewDriver(width: 120, height: 40, engine: engine).render()
        #expect(!quiet.line(0).contains("shed"))
        engine.recordShedRequest(.queueFull)
        engine.recordShedRequest(.queueFull)
        engine.recordShedRequest(.inflightMemory)
        let canvas = ViewDriver(width: 120, height: 40, engine: engine).render()
        let shed = try #require(find("shed 3", in: canvas))
        #expect(shed.y == 0 && role(canvas, shed) == .warning)
    }

    @Test func focusedPanelHasTheFocusedBorder() {
        var driver = ViewDriver(width: 120, height: 40)
        #expect(driver.render().cell(x: 0, y: 1)?.style.role == .focusedBorder)
        driver.press(.tab)
        let canvas = driver.render()
        #expect(canvas.cell(x: 0, y: 1)?.style.role == .border)
        #expect(canvas.cell(x: 0, y: canvas.height - 2)?.style.role == .focusedBorder)
    }

    @Test func waterfallMarksErrorsAndSelection() throws {
        var driver = ViewDriver.openingAgentTrace(width: 120, height: 40)
        driver.press(.character("n"))
        let canvas = driver.render()
        let mark = try #require(find("✗", in: canvas))
        #expect(role(canvas, mark) == .critical)
        #expect(role(canvas, find("▾ execute_tool", in: canvas).map { ($0.x + 2, $0.y) }) == .selection)
        #expect(role(canvas, find("▾ invoke_agent", in: canvas).map { ($0.x + 2, $0.y) }) == .text)
        #expect(role(canvas, find("status   error", in: canvas).map { ($0.x + 9, $0.y) }) == .critical)
    }

    @Test func waterfallMarksPolicyViolations() throws {
        var driver = ViewDriver(width: 120, height: 40)
        driver.press(.character("1"), .character("G"), .character("k"), .enter, .character("n"))
        let canvas = driver.render()
        let mark = try #require(find("⚑", in: canvas))
        #expect(role(canvas, mark) == .warning)
        #expect(canvas.text.contains("genops.policy.result") && canvas.text.contains("blocked"))
    }

    @Test func filterInputShowsTheCaretAndTheErrorPosition() throws {
        var driver = ViewDriver(width: 80, height: 24)
        driver.press(.character("/"))
        driver.type("cost>x")
        driver.press(.left)
        let canvas = driver.render()
        let input = try #require(find("/ cost>x", in: canvas))
        let caret = try #require(canvas.cell(x: input.x + 7, y: input.y))
        #expect(caret.grapheme == "x" && caret.style.attributes.contains(.reverse))
        let error = try #require(find("^", in: canvas, from: input.y + 1))
        #expect(error.x == input.x + 7 && role(canvas, error) == .critical)
    }
}
