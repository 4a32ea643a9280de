import Testing
import GovTopUI

@Suite struct ClipboardSequenceTests {
    @Test func wrapsTheBase64OfTheTextInOSC52() {
        #expect(ClipboardSequence.osc52("5b8efff798038103d269b633813fc60c")
                == "\u{1B}]52;c;NWI4ZWZmZjc5ODAzODEwM2QyNjliNjMzODEzZmM2MGM=\u{07}")
    }

    @Test func cutsLongTextOnACharacterBoundary() {
        let text = String(repeating: "é", count: ClipboardSequence.maximumBytes)
        let sequence = ClipboardSequence.osc52(text)
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{07}"))
        #expect(sequence.utf8.count <= 8 + (ClipboardSequence.maximumBytes + 2) / 3 * 4)
    }
}
