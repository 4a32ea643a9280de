import Testing
@testable import GovTopConfig

@Suite struct KeySuggestionTests {
    @Test(arguments: [
        ("budget", "budgets"), ("polices", "policies"), ("limt", "limit"), ("maxSpans", "max_spans"), ("http-port", "http_port"),
        ("HTTP_PORT", "http_port"), ("treshold", "thresholds"), ("alert", "alerts"), ("nto", "not"), ("thme", "theme"),
    ])
    func suggestsTheNearestKey(written: String, suggested: String) {
        let candidates = ConfigKeys.topLevel + ConfigKeys.budget + ConfigKeys.store + ConfigKeys.negatedCondition
        #expect(KeySuggestion.nearest(to: written, among: candidates) == suggested)
    }

    @Test(arguments: ["port", "frobnicate", "x", "", "budgets_and_policies", String(repeating: "a", count: 500)])
    func suggestsNothingWhenNothingIsClose(_ written: String) {
        #expect(KeySuggestion.nearest(to: written, among: ConfigKeys.topLevel) == nil)
    }

    @Test func distanceCountsASwapAsOneEdit() {
        let fold = KeySuggestion.fold
        #expect(KeySuggestion.editDistance(fold("abcd"), fold("abdc")) == 1)
        #expect(KeySuggestion.editDistance(fold("kitten"), fold("sitting")) == 3)
        #expect(KeySuggestion.editDistance(fold(""), fold("abc")) == 3)
        #expect(KeySuggestion.editDistance(fold("same"), fold("same")) == 0)
    }

    @Test func foldsCaseDashesAndCamelCase() {
        #expect(String(String.UnicodeScalarView(KeySuggestion.fold("costSpikeFactor"))) == "cost_spike_factor")
        #expect(String(String.UnicodeScalarView(KeySuggestion.fold("max-body"))) == "max_body")
    }
}
