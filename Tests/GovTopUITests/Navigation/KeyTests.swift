import Testing
import GovTopUI

@Suite struct KeyTests {
    @Test(arguments: [
        (UInt32(0x03), Key.ctrl("c")), (0x01, .ctrl("a")), (0x15, .ctrl("u")), (0x0D, .enter), (0x0A, .enter),
        (0x09, .tab), (0x1B, .escape), (0x7F, .backspace), (0x08, .backspace), (0x00, .ctrl("@")),
        (0x1F, .ctrl("_")), (0x61, .character("a")), (0x47, .character("G")), (0x20, .character(" ")),
        (0xE9, .character("é")),
    ])
    func scalarsBecomeKeys(value: UInt32, key: Key) {
        #expect(Unicode.Scalar(value).flatMap { Key(scalar: $0) } == key)
    }

    @Test func c1ControlCharactersAreNoKey() {
        #expect(Key(scalar: "\u{85}") == nil)
        #expect(Key(scalar: "\u{9B}") == nil)
    }

    @Test(arguments: [
        (Key.character(" "), "Space"), (.character("g"), "g"), (.ctrl("c"), "Ctrl-C"), (.backTab, "Shift-Tab"),
        (.pageDown, "PgDn"), (.escape, "Esc"), (.function(5), "F5"), (.home, "Home"),
    ])
    func labels(key: Key, label: String) {
        #expect(key.label == label)
    }
}
