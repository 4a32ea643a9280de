import Testing
import GovTopUI

@Suite struct KeyBindingsTests {
    /// Every lookup chain `NavigationState.bindingContexts` can produce.
    static let chains: [[BindingContext]] = [[.help], [.filterInput], [.traceDetail, .global], [.conformance, .global]]
        + Panel.allCases.map { [$0.bindingContext, .global] }
        + Panel.allCases.map { [.dashboard, $0.bindingContext, .global] }

    @Test func standardTableBindsNoKeyTwiceWithinAContext() {
        #expect(KeyBindings.standard.conflicts == [])
    }

    @Test func conflictsNameTheKeyTheContextAndBothCommands() {
        let table = KeyBindings([
            KeyBinding([.ch("x"), .ch("y")], .quit, "quit", in: .traces),
            KeyBinding([.ch("y")], .cycleSort, "sort", in: .traces),
            KeyBinding([.ch("y")], .cycleTheme, "theme", in: .global),
        ])
        #expect(table.conflicts == [BindingConflict(key: .ch("y"), context: .traces, commands: [.quit, .cycleSort])])
        #expect(table.conflicts.first?.description == "key y is bound twice in Traces: quit, cycleSort")
        #expect(table.command(for: .ch("y"), in: [.traces]) == .quit)
    }

    @Test(arguments: Command.allCases)
    func everyCommandRunsFromSomeKeyInSomeReachableContext(command: Command) {
        let table = KeyBindings.standard
        let reachable = Self.chains.contains { chain in
            table.bindings.contains { binding in
                binding.command == command && binding.keys.contains { table.command(for: $0, in: chain) == command }
            }
        }
        #expect(reachable, "no key runs \(command)")
    }

    @Test func panelBindingOverridesGlobalOneAndOnlyThere() {
        let table = KeyBindings.standard
        #expect(table.command(for: .ch("g"), in: [.teams, .global]) == .cycleDimension)
        #expect(table.command(for: .home, in: [.teams, .global]) == .moveToTop)
        #expect(table.command(for: .ch("g"), in: [.traces, .global]) == .moveToTop)
        #expect(table.command(for: .ch("g"), in: [.dashboard, .teams, .global]) == .cycleDimension)
        #expect(table.command(for: .ch("g"), in: [.dashboard, .alerts, .global]) == .moveToTop)
    }

    @Test func filterInputAndHelpDoNotFallBackToGlobalKeys() {
        let table = KeyBindings.standard
        #expect(table.command(for: .ch("q"), in: [.filterInput]) == nil)
        #expect(table.command(for: .ch("q"), in: [.help]) == .closeHelp)
        #expect(table.command(for: .ctrl("c"), in: [.filterInput]) == .quit)
        #expect(table.command(for: .ctrl("c"), in: [.help]) == .quit)
    }

    @Test func footerComesFromTheTableInChainOrder() {
        let footer = KeyBindings.standard.footerHints(for: [.teams, .global])
        #expect(footer == [
            FooterHint(key: "g", description: "group by"),
            FooterHint(key: "Enter", description: "traces of group"),
            FooterHint(key: "q", description: "quit"),
            FooterHint(key: "?", description: "help"),
            FooterHint(key: "p", description: "pause display"),
            FooterHint(key: "5", description: "spend chart"),
        ])
        #expect(KeyBindings.standard.footerHints(for: .teams) == footer)
    }

    @Test func footerLeavesOutHintsWhoseKeyAnEarlierContextTakes() {
        let footer = KeyBindings.standard.footerHints(for: [.dashboard, .traces, .global])
        #expect(footer.contains(FooterHint(key: "Enter", description: "zoom")))
        #expect(!footer.contains(FooterHint(key: "Enter", description: "open trace")))
        #expect(footer.contains(FooterHint(key: "/", description: "filter")))
    }

    @Test func footerFollowsTheTableItIsGivenAndOnlyMarkedRows() {
        let table = KeyBindings([
            KeyBinding([.ch("x"), .ch("z")], .exportTrace, "export", in: .traceDetail, footer: true),
            KeyBinding([.ch("w")], .copyTraceID, "copy", in: .traceDetail),
            KeyBinding([.ch("q")], .quit, "leave", in: .global, footer: true),
        ])
        #expect(table.footerHints(for: .traceDetail) == [
            FooterHint(key: "x", description: "export"), FooterHint(key: "q", description: "leave"),
        ])
        #expect(table.footerHints(for: .filterInput) == [])
    }

    @Test func helpListsEveryBindingOnceInItsContextSection() {
        let table = KeyBindings.standard
        let sections = table.helpSections()
        #expect(sections.map(\.context) == [.global, .dashboard, .traces, .teams, .alerts, .traceDetail, .filterInput, .help, .history, .conformance])
        let entryCount = sections.reduce(0) { $0 + $1.entries.count }
        #expect(entryCount == table.bindings.count)
        for section in sections {
            let rows = table.bindings.filter { $0.context == section.context }
            #expect(section.entries.map(\.description) == rows.map(\.description))
            #expect(section.entries.map(\.keys) == rows.map(\.keyLabels))
        }
    }

    @Test func helpExplainsTheTeamsOverrideOfG() {
        let teams = KeyBindings.standard.helpSections().first { $0.context == .teams }
        let entry = teams?.entries.first { $0.description == "group by" }
        #expect(entry?.keys == "g")
        #expect(entry?.overrideNote == "overrides g = top (Home still does that)")
        let overridden = KeyBindings.standard.helpSections().flatMap(\.entries).filter { $0.overrideNote != nil }
        // g in Teams and in History (both "group by") are the only keys that shadow a global key with another command.
        #expect(overridden.map(\.keys) == ["g", "g"])
    }

    @Test func helpKeyLabelsListEveryKey() {
        let global = KeyBindings.standard.helpSections().first { $0.context == .global }
        #expect(global?.entries.contains(HelpEntry(keys: "j Down", description: "down")) == true)
        #expect(global?.entries.contains(HelpEntry(keys: "q Ctrl-C", description: "quit")) == true)
    }
}
