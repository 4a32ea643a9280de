import Testing
@testable import GovTopUI

@Suite struct CanvasExportTests {
    static let theme = Theme.make(name: "test", palette: [:], roles: [
        .text: RoleStyle(fg: .rgb(200, 200, 200)),
        .title: RoleStyle(fg: .basic(.brightBlue), attributes: .bold),
        .critical: RoleStyle(fg: .rgb(255, 0, 0), attributes: .underline),
        .selection: RoleStyle(fg: .basic(.black), bg: .basic(.yellow)),
    ])

    static let tiny = rendered(width: 6, height: 2) {
        $0.put("ab", at: 0, y: 0, style: CellStyle(.title))
        $0.put("中", at: 2, y: 0, style: CellStyle(.critical))
        $0.put("x", at: 0, y: 1, style: CellStyle(.selection))
    }

    @Test func plainText() {
        #expect(CanvasExport.text(Self.tiny) == "ab中\nx")
    }

    @Test(arguments: [
        (ColorDepth.trueColor, "\u{1B}[0;1;94mab\u{1B}[0;4;38;2;255;0;0m中\u{1B}[0m\n\u{1B}[0;30;43mx\u{1B}[0m\n"),
        (.colors256, "\u{1B}[0;1;94mab\u{1B}[0;4;38;5;196m中\u{1B}[0m\n\u{1B}[0;30;43mx\u{1B}[0m\n"),
        (.colors16, "\u{1B}[0;1;94mab\u{1B}[0;4;91m中\u{1B}[0m\n\u{1B}[0;30;43mx\u{1B}[0m\n"),
        (.none, "\u{1B}[0;1mab\u{1B}[0;4m中\u{1B}[0m\nx\u{1B}[0m\n"),
    ])
    func ansi(depth: ColorDepth, expected: String) {
        #expect(CanvasExport.ansi(Self.tiny, theme: Self.theme, depth: depth) == expected)
    }

    @Test func ansiKeepsTrailingCellsThatShowSomething() {
        let canvas = rendered(width: 4, height: 2) {
            $0.fill($0.bounds.row(0), style: CellStyle(.selection))
            $0.put("a", at: 0, y: 1, style: CellStyle(.text, .underline))
            $0.put(" ", at: 1, y: 1, style: CellStyle(.text, .underline))
        }
        #expect(CanvasExport.ansi(canvas, theme: Self.theme, depth: .trueColor)
            == "\u{1B}[0;30;43m    \u{1B}[0m\n\u{1B}[0;4;38;2;200;200;200ma \u{1B}[0m\n")
    }

    @Test func ansiColourCodes() {
        #expect(CanvasExport.sgr(ResolvedStyle(fg: .indexed(7), bg: .rgb(1, 2, 3), attributes: [.reverse, .italic, .dim]))
            == "\u{1B}[0;2;3;7;38;5;7;48;2;1;2;3m")
        #expect(CanvasExport.sgr(ResolvedStyle(fg: .basic(.white), bg: .basic(.brightBlack), attributes: [])) == "\u{1B}[0;37;100m")
        #expect(CanvasExport.sgr(ResolvedStyle(fg: .default, bg: .indexed(200), attributes: .bold)) == "\u{1B}[0;1;48;5;200m")
    }

    @Test func svg() {
        let expected = """
            <svg xmlns="http://www.w3.org/2000/svg" width="50.4" height="34" viewBox="0 0 50.4 34" \
            font-family="ui-monospace, DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14" xml:space="preserve">
            <rect width="50.4" height="34" fill="#000000"/>
            <text x="0" y="13" textLength="16.8" lengthAdjust="spacing" fill="#5c5cff" font-weight="bold">ab</text>
            <text x="16.8" y="13" fill="#ff0000" text-decoration="underline">中</text>
            <rect x="0" y="17" width="8.4" height="17" fill="#cdcd00"/>
            <text x="0" y="30" fill="#000000">x</text>
            </svg>

            """
        #expect(CanvasExport.svg(Self.tiny, theme: Self.theme) == expected)
    }

    @Test func svgRunsEscapingReverseAndDim() {
        let canvas = rendered(width: 12, height: 1) {
            $0.put("<&>\"' ok", at: 0, y: 0)
            $0.put("r", at: 9, y: 0, style: CellStyle(.text, .reverse))
            $0.put("d", at: 11, y: 0, style: CellStyle(.text, [.dim, .italic]))
        }
        let svg = CanvasExport.svg(canvas, theme: Self.theme)
        #expect(svg.contains(##"<text x="0" y="13" textLength="67.2" lengthAdjust="spacing" fill="#c8c8c8">&lt;&amp;&gt;&quot;&apos; ok</text>"##))
        #expect(svg.contains(##"<rect x="75.6" y="0" width="8.4" height="17" fill="#c8c8c8"/>"##))
        #expect(svg.contains(##"<text x="75.6" y="13" fill="#000000">r</text>"##))
        #expect(svg.contains(##"<text x="92.4" y="13" fill="#c8c8c8" font-style="italic" opacity="0.6">d</text>"##))
        #expect(svg.components(separatedBy: "<rect").count == 3)
    }

    @Test func svgUsesThePaletteForTheTerminalsDefaultColours() {
        let canvas = rendered(width: 2, height: 1) {
            $0.put("a", at: 0, y: 0, style: CellStyle(.muted))
        }
        let theme = Theme.make(name: "p", palette: ["foreground": .rgb(1, 1, 1), "background": .rgb(250, 250, 250)],
                               roles: [.muted: RoleStyle()])
        let svg = CanvasExport.svg(canvas, theme: theme)
        #expect(svg.contains(##"<rect width="16.8" height="17" fill="#fafafa"/>"##))
        #expect(svg.contains(##"fill="#010101">a</text>"##))
    }

    @Test func exportsAreDeterministic() {
        let screen = rendered(width: 40, height: 8) {
            Box(title: "Traces", focused: true).render(into: &$0, area: $0.bounds)
            Waterfall(totalDuration: 2).render(into: &$0, area: Rect(x: 1, y: 1, width: 38, height: 6), state: ListState(selected: 1), rows: WaterfallTests.rows)
        }
        #expect(CanvasExport.svg(screen, theme: .default) == CanvasExport.svg(screen, theme: .default))
        #expect(CanvasExport.ansi(screen, theme: .default, depth: .colors256) == CanvasExport.ansi(screen, theme: .default, depth: .colors256))
        #expect(!CanvasExport.svg(screen, theme: .default).unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test(arguments: [(0, "0"), (84, "8.4"), (170, "17"), (1008, "100.8"), (5, "0.5")])
    func pixelFormatting(tenths: Int, expected: String) {
        #expect(CanvasExport.pixels(tenths: tenths) == expected)
    }

    @Test func xmlEscapingReplacesCharactersXMLForbids() {
        #expect(CanvasExport.xmlEscaped("a\u{1}b\u{FFFE}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
    }
}
