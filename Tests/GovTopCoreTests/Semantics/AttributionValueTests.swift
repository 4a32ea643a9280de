import Testing
@testable import GovTopCore

/// `Attribution` keeps its facts in a shared box: copies must still behave as independent values.
@Suite struct AttributionValueTests {
    @Test func aChangedCopyLeavesTheOriginalAlone() {
        let original = Attribution(team: "ml", customer: "acme")
        var copy = original
        copy.team = "web"
        copy[.project] = "p"
        #expect(original == Attribution(team: "ml", customer: "acme"))
        #expect(copy == Attribution(team: "web", project: "p", customer: "acme"))
        var empty = Attribution()
        empty.user = "u"
        #expect(Attribution().isEmpty && Attribution().user == nil)
        #expect(empty == Attribution(user: "u") && !empty.isEmpty)
        empty.user = nil
        #expect(empty.isEmpty && empty == Attribution())
    }

    @Test func equalAttributionsInSeparateBoxesAreEqualAndHashAlike() {
        let one = Attribution(team: "ml", environment: "prod")
        var other = Attribution(environment: "prod")
        other.team = "ml"
        #expect(one == other)
        #expect(one.hashValue == other.hashValue)
        #expect(Set([one, other, Attribution(team: "ml")]).count == 2)
        #expect(Attribution(team: "caf\u{E9}") == Attribution(team: "cafe\u{301}")) // as String's == says
    }

    @Test func fillingTakesOnlyMissingFacts() {
        let own = Attribution(team: "ml")
        let inherited = Attribution(team: "web", project: "p", feature: "chat")
        #expect(own.filling(from: inherited) == Attribution(team: "ml", project: "p", feature: "chat"))
        #expect(Attribution().filling(from: inherited) == inherited)
        #expect(own.filling(from: Attribution()) == own)
        #expect(inherited.filling(from: own) == inherited)
        // Neither side changes.
        #expect(own == Attribution(team: "ml") && inherited == Attribution(team: "web", project: "p", feature: "chat"))
    }

    /// The memory estimate counts each fact's own buffer (long texts only) on top of the box.
    @Test func heapBytesCountEveryFactsBuffer() {
        let base = Attribution().heapBytes
        #expect(base > 0)
        #expect(Attribution(team: "short").heapBytes == base)
        let long = String(repeating: "x", count: 40)
        for fact in Fact.attribution {
            var one = Attribution()
            one[fact] = long
            #expect(one.heapBytes == base + StringHeap.bytes(long), "\(fact)")
        }
        var all = Attribution()
        for fact in Fact.attribution { all[fact] = long }
        #expect(all.heapBytes == base + Fact.attribution.count * StringHeap.bytes(long))
    }
}
