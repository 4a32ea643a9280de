import Testing
@testable import GovTopUI

/// The bridges from navigation's values (selection, footer hints) to the widgets.
@Suite struct NavigationAdapterTests {
    @Test func listStateFollowsTheSelection() {
        var selection = ListSelection()
        let frame = ListFrame(keys: (0..<20).map { "t\($0)" }, visibleRows: 5)
        selection.reconcile(with: frame)
        selection.move(.pageDown, in: frame)
        selection.move(.down, in: frame)
        let state = ListState(selection, rowCount: frame.count)
        #expect(state.selected == selection.index && state.offset == selection.offset)
        #expect(state.selected == 6)
        #expect(ListState(ListSelection(), rowCount: 0).selected == nil)
    }

    @Test func keyHintsFromTheBindingTable() {
        let hints = [FooterHint(key: "q", description: "quit"), FooterHint(key: "/", description: "filter")]
        let canvas = rendered(width: 20, height: 1) { KeyHints(hints).render(into: &$0, area: $0.bounds) }
        #expect(canvas.text == "q quit  / filter")
    }

    @Test func standardBindingsFitTheFooterAndTheHelp() {
        let bindings = KeyBindings.standard
        let footer = KeyHints(bindings.footerHints(for: .global))
        #expect(footer.fittingCount(width: 200) == bindings.footerHints(for: .global).count)
        let overlay = HelpOverlay(sections: bindings.helpSections())
        #expect(overlay.lineCount > bindings.helpSections().count)
        let canvas = rendered(width: 100, height: 60) { overlay.render(into: &$0, area: $0.bounds) }
        #expect(canvas.text.contains("Help"))
    }
}
