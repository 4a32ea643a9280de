import Testing
import GovTopUI

/// Bytes as a terminal sends them; `\e` is written `\u{1B}`.
private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Everything the parser makes of `input` fed in one read, then flushed.
private func parseWhole(_ input: [UInt8]) -> [InputEvent] {
    var parser = InputParser()
    return parser.feed(input) + parser.flush()
}

/// The same input fed one byte per read, as a slow link delivers it (no flush in between).
private func parseByteByByte(_ input: [UInt8]) -> [InputEvent] {
    var parser = InputParser()
    var events: [InputEvent] = []
    for byte in input { events += parser.feed([byte]) }
    return events + parser.flush()
}

@Suite struct InputParserTests {
    static let keySequences: [(String, Key)] = [
        // Cursor keys, normal and application mode.
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        // Home and End in every common form.
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[4~", .end), ("\u{1B}[8~", .end),
        ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        // Function keys.
        ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[12~", .function(2)), ("\u{1B}[13~", .function(3)), ("\u{1B}[14~", .function(4)),
        ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[18~", .function(7)), ("\u{1B}[19~", .function(8)),
        ("\u{1B}[20~", .function(9)), ("\u{1B}[21~", .function(10)), ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)),
        // Modifier forms.
        ("\u{1B}[1;5C", Key.right.with(.ctrl)), ("\u{1B}[1;2A", Key.up.with(.shift)), ("\u{1B}[1;3D", Key.left.with(.alt)),
        ("\u{1B}[1;5H", Key.home.with(.ctrl)), ("\u{1B}[1;2F", Key.end.with(.shift)), ("\u{1B}[5;5~", Key.pageUp.with(.ctrl)),
        ("\u{1B}[3;3~", Key.delete.with(.alt)), ("\u{1B}[15;2~", Key.function(5).with(.shift)),
        ("\u{1B}[1;5P", Key.function(1).with(.ctrl)), ("\u{1B}[1;7A", Key.up.with([.ctrl, .alt])),
        ("\u{1B}[1;9A", Key.up.with(.alt)), ("\u{1B}O5C", Key.right.with(.ctrl)), ("\u{1B}[Z", .backTab),
        ("\u{1B}[27;5;99~", .ctrl("c")), ("\u{1B}[99;5u", .ctrl("c")), ("\u{1B}[97;3u", Key.character("a").with(.alt)),
        ("\u{1B}[13u", .enter),
        // Control keys and text.
        ("\u{03}", .ctrl("c")), ("\r", .enter), ("\n", .enter), ("\t", .tab), ("\u{7F}", .backspace), ("\u{08}", .backspace),
        ("q", .character("q")), ("4", .character("4")), ("é", .character("é")), ("€", .character("€")),
        ("🦀", .character("🦀")), ("\u{1B}OM", .enter),
        // Alt as an Esc prefix.
        ("\u{1B}4", Key.character("4").with(.alt)), ("\u{1B}q", Key.character("q").with(.alt)),
        ("\u{1B}é", Key.character("é").with(.alt)), ("\u{1B}\u{7F}", Key.backspace.with(.alt)),
        ("\u{1B}\r", Key.enter.with(.alt)),
    ]

    @Test(arguments: keySequences)
    func everyEncodingIsOneKey(input: String, key: Key) {
        #expect(parseWhole(bytes(input)) == [.key(key)])
    }

    @Test(arguments: keySequences)
    func splitReadsGiveTheSameKey(input: String, key: Key) {
        #expect(parseByteByByte(bytes(input)) == [.key(key)])
    }

    @Test(arguments: [
        "\u{1B}[?1;2c",             // device attributes reply
        "\u{1B}[>0;95;0c",          // secondary device attributes
        "\u{1B}[12;40R",            // cursor position report
        "\u{1B}[I", "\u{1B}[O",     // focus in and out
        "\u{1B}[99~", "\u{1B}[201~", // unknown tilde key, a stray paste end
        "\u{1B}[1;5X", "\u{1B}[5;4;3;2;1A", "\u{1B}[1:2A", "\u{1B}[ q", "\u{1B}[1;99A",
        "\u{1B}Oz",                 // unknown SS3
        "\u{1B}]11;rgb:1a1a/1b1b/2626\u{07}",     // OSC answered with BEL
        "\u{1B}]52;c;NDI0Mg==\u{1B}\\",          // OSC ended by ST
        "\u{1B}P1$r0;1m\u{1B}\\",                // DCS
        "\u{1B}_Gi=1;OK\u{1B}\\",                // APC (kitty graphics reply)
        "\u{1B}[" + String(repeating: "1;", count: 100) + "4~", // far too long: swallowed, not cut
    ])
    func unknownSequencesAreSwallowedWhole(input: String) {
        #expect(parseWhole(bytes(input)) == [])
        #expect(parseByteByByte(bytes(input)) == [])
        #expect(parseWhole(bytes(input + "j")) == [.key(.character("j"))])
    }

    @Test func endInsideTmuxWithAnXtermTermIsEndNotFour() {
        // The bug of issue 14: `ESC [ 4 ~` read as Esc, "[", "4", "~" zoomed the Alerts panel.
        #expect(parseWhole(bytes("\u{1B}[4~\u{1B}[1~\u{1B}[6~")) == [.key(.end), .key(.home), .key(.pageDown)])
    }

    @Test func aLoneEscIsEscOnlyAfterTheFlush() {
        var parser = InputParser()
        #expect(parser.feed(bytes("\u{1B}")) == [])
        #expect(parser.pending == .escape)
        #expect(parser.flush() == [.key(.escape)])
        #expect(parser.pending == nil)
        #expect(parser.flush() == [])
    }

    @Test func escThenAKeyAfterTheFlushAreTwoKeys() {
        var parser = InputParser()
        _ = parser.feed(bytes("\u{1B}"))
        #expect(parser.flush() == [.key(.escape)])
        #expect(parser.feed(bytes("4")) == [.key(.character("4"))])
    }

    @Test func twoEscapesAreTwoEscKeys() {
        #expect(parseWhole(bytes("\u{1B}\u{1B}")) == [.key(.escape), .key(.escape)])
    }

    @Test func escBracketOrOAloneAreAltKeys() {
        #expect(parseWhole(bytes("\u{1B}[")) == [.key(Key.character("[").with(.alt))])
        #expect(parseWhole(bytes("\u{1B}O")) == [.key(Key.character("O").with(.alt))])
    }

    @Test func aSequenceBrokenOffIsDroppedAndTheNextOneStillReads() {
        var parser = InputParser()
        #expect(parser.feed(bytes("\u{1B}[1;")) == [])
        #expect(parser.pending == .sequence)
        #expect(parser.flush() == [])
        #expect(parseWhole(bytes("\u{1B}[1\u{1B}[B")) == [.key(.down)])
        #expect(parseWhole(bytes("\u{1B}[12\rx")) == [.key(.enter), .key(.character("x"))])
    }

    @Test func brokenUTF8IsDropped() {
        #expect(parseWhole([0xC3]) == [])
        #expect(parseWhole([0xC3, 0x41]) == [.key(.character("A"))])
        #expect(parseWhole([0x80, 0xBF, 0xFF, 0xC0, 0xAF, 0x61]) == [.key(.character("a"))])
        #expect(parseWhole([0xED, 0xA0, 0x80]) == [])            // a UTF-16 surrogate
        #expect(parseWhole([0xC2, 0x9B]) == [])                  // C1 CSI as a character: no key
    }

    @Test func altKeysAreNotThePlainKeys() {
        let alt4 = Key.character("4").with(.alt)
        #expect(alt4 != .character("4"))
        #expect(alt4.label == "Alt-4")
        #expect(KeyBindings.standard.command(for: alt4, in: [.dashboard, .traces, .global]) == nil)
        #expect(KeyBindings.standard.command(for: Key.character("q").with(.alt), in: [.global]) == nil)
        #expect(Key.right.with(.ctrl).label == "Ctrl-Right")
        #expect(Key.tab.with(.shift) == .backTab)
        #expect(Key.up.with(.ctrl).with(.alt) == Key.up.with([.ctrl, .alt]))
    }

    @Test func bracketedPasteIsOneEventWithoutControlCharacters() {
        let input = bytes("\u{1B}[200~team=growth\r\nmodel~gpt\t\u{1B}[4~\u{07}q\u{1B}[201~j")
        let expected: [InputEvent] = [.paste("team=growth model~gpt [4~q"), .key(.character("j"))]
        #expect(parseWhole(input) == expected)
        #expect(parseByteByByte(input) == expected)
    }

    @Test func pasteHoldingThePasteEndPrefixKeepsIt() {
        #expect(parseWhole(bytes("\u{1B}[200~a\u{1B}[20b\u{1B}[201~")) == [.paste("a[20b")])
    }

    @Test func pasteIsBounded() {
        var parser = InputParser(maxPasteBytes: 10)
        let events = parser.feed(bytes("\u{1B}[200~" + String(repeating: "x", count: 100_000) + "\u{1B}[201~q"))
        #expect(events == [.paste(String(repeating: "x", count: 10)), .key(.character("q"))])
    }

    @Test func pasteWithoutItsEndEndsAtTheFlush() {
        var parser = InputParser()
        #expect(parser.feed(bytes("\u{1B}[200~abc")) == [])
        #expect(parser.pending == .paste)
        #expect(parser.flush() == [.paste("abc")])
        #expect(parser.feed(bytes("q")) == [.key(.character("q"))])
    }

    @Test(arguments: [
        ("\u{1B}[<0;10;5M", MouseEvent(.press(.left), x: 9, y: 4)),
        ("\u{1B}[<0;10;5m", MouseEvent(.release(.left), x: 9, y: 4)),
        ("\u{1B}[<2;1;1M", MouseEvent(.press(.right), x: 0, y: 0)),
        ("\u{1B}[<64;300;80M", MouseEvent(.wheelUp, x: 299, y: 79)),
        ("\u{1B}[<65;3;4M", MouseEvent(.wheelDown, x: 2, y: 3)),
        ("\u{1B}[<16;3;4M", MouseEvent(.press(.left), x: 2, y: 3, modifiers: .ctrl)),
        ("\u{1B}[M !!", MouseEvent(.press(.left), x: 0, y: 0)),
        ("\u{1B}[M#*%", MouseEvent(.release(nil), x: 9, y: 4)),
        ("\u{1B}[M`++", MouseEvent(.wheelUp, x: 10, y: 10)),
    ])
    func mouseReports(input: String, event: MouseEvent) {
        #expect(parseWhole(bytes(input)) == [.mouse(event)])
        #expect(parseByteByByte(bytes(input)) == [.mouse(event)])
    }

    @Test(arguments: ["\u{1B}[<32;10;5M", "\u{1B}[<66;1;1M", "\u{1B}[<0;0;5M", "\u{1B}[<0;10M", "\u{1B}[<0;10;5X"])
    func mouseReportsNoOneAskedForAreSwallowed(input: String) {
        #expect(parseWhole(bytes(input + "k")) == [.key(.character("k"))])
    }

    @Test func manyEventsInOneRead() {
        let input = bytes("jj\u{1B}[B\u{1B}OAq\u{1B}[<0;2;3M€")
        let expected: [InputEvent] = [.key(.character("j")), .key(.character("j")), .key(.down), .key(.up),
                                      .key(.character("q")), .mouse(MouseEvent(.press(.left), x: 1, y: 2)), .key(.character("€"))]
        #expect(parseWhole(input) == expected)
        #expect(parseByteByByte(input) == expected)
    }

    @Test func hostileBytesNeverGrowTheParser() {
        var parser = InputParser()
        var generator = SplitMix(seed: 14)
        var events = 0
        for _ in 0..<200 {
            let chunk = (0..<512).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            events += parser.feed(chunk).count
        }
        _ = parser.flush()
        #expect(parser.pending == nil)
        #expect(events <= 200 * 512)
        #expect(parser.feed(bytes("\u{1B}[4~")) == [.key(.end)])
    }
}

/// A small deterministic generator for the hostile-bytes test.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
