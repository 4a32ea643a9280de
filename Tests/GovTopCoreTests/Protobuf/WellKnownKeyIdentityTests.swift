import Testing
@testable import GovTopCore

/// `WellKnownKeys.entry(identicalTo:)`: the table's own strings are found by their bits, and any
/// other string with the same text is found by its bytes, with the same answers downstream.
@Suite struct WellKnownKeyIdentityTests {
    let table = WellKnownKeys.shared

    /// The same text in a string of its own storage (not the table's).
    private func respelled(_ key: String) -> String {
        String(decoding: Array(key.utf8), as: UTF8.self)
    }

    @Test func everyTableStringIsFoundByItsBitsAtItsOwnPosition() {
        #expect(!table.keys.isEmpty)
        for (position, key) in table.keys.enumerated() {
            #expect(table.entry(identicalTo: key) == position, "\(key)")
        }
    }

    @Test func aLongKeyWithItsOwnStorageIsNotFoundByBitsButIsByBytes() throws {
        let long = try #require(table.keys.first { $0.utf8.count > 15 })
        let copy = respelled(long)
        #expect(table.entry(identicalTo: copy) == nil)
        var bytes = copy
        let position = bytes.withUTF8 { table.entry(UnsafeRawPointer($0.baseAddress!), count: $0.count) }
        #expect(position == table.keys.firstIndex(of: long))
    }

    @Test func aliasesAndKeyCodesDoNotDependOnWhoSpelledTheKey() {
        for key in table.keys + ["gen_ai.system", "genops.team", "service.name", "not.a.known.key.at.all", "x"] {
            let copy = respelled(key)
            #expect(SemanticAliases.alias(copy)?.fact == SemanticAliases.alias(key)?.fact, "\(key)")
            #expect(SemanticAliases.alias(copy)?.rank == SemanticAliases.alias(key)?.rank, "\(key)")
            #expect(StoredKeyCodes.code(of: copy) == StoredKeyCodes.code(of: key), "\(key)")
            #expect(StoredKeyCodes.code(of: copy) == StoredKeyCodes.codes[key], "\(key)")
        }
    }

    /// Every table key once, in the table's own string (found by its bits) or in a string of its
    /// own storage (found by its bytes), with values of every kind; then a short and an unknown key.
    private func everyKey(respelled: Bool) -> [Attribute] {
        let values: [AttributeValue] = [.string("v"), .int(3), .double(0.5), .bool(true), .array([.string("a")]), .empty]
        return table.keys.enumerated().map { index, key in Attribute(respelled ? self.respelled(key) : key, values[index % values.count]) }
            + [Attribute("x", .string("short")), Attribute("not.a.known.key.at.all", .int(1))]
    }

    @Test func forEachKeyReadsEveryKeyInPlaceInOrder() {
        for respelled in [false, true] {
            let attributes = everyKey(respelled: respelled)
            var seen: [(position: Int, entry: Int?)] = []
            table.forEachKey(of: attributes) { position, entry in
                seen.append((position, entry))
                return true
            }
            #expect(seen.map(\.position) == Array(attributes.indices))
            #expect(seen.map(\.entry) == attributes.map { table.entry(identicalTo: $0.key) })
            if !respelled {
                #expect(seen.prefix(table.keys.count).map(\.entry) == table.keys.indices.map { Optional($0) })
            }
        }
        var visits = 0
        table.forEachKey(of: everyKey(respelled: false)) { _, _ in
            visits += 1
            return visits < 3
        }
        #expect(visits == 3)
        table.forEachKey(of: []) { _, _ in
            Issue.record("an empty list has no key to visit")
            return true
        }
    }

    @Test func factsConformanceAndPayloadsDoNotDependOnWhoSpelledTheKeys() {
        let own = everyKey(respelled: false), spelled = everyKey(respelled: true)
        let ownValues = FactValues(own), spelledValues = FactValues(spelled)
        var found = 0
        for fact in Fact.allCases {
            #expect(ownValues.key(fact) == spelledValues.key(fact), "\(fact)")
            #expect(ownValues[fact] == spelledValues[fact], "\(fact)")
            if ownValues.has(fact) { found += 1 }
        }
        #expect(found > 20)
        func span(_ attributes: [Attribute]) -> SpanRecord {
            SpanRecord(traceID: TraceID(high: 1, low: 2), spanID: SpanID(7), name: "call", startTimeUnixNano: 1,
                       endTimeUnixNano: 2, attributes: attributes)
        }
        #expect(AWUChecker.check(span(own), resource: []) == AWUChecker.check(span(spelled), resource: []))
        #expect(AWUChecker.check(span(own), resource: []) != .notAWU)
        for key in ["genops.spec.version", "genops.policy.result", "genops.accounting.actual"] {
            let alone = [Attribute(respelled(key), .string("1"))]
            #expect(AWUChecker.check(span(alone), resource: []) != .notAWU, "\(key)")
        }
        #expect(AWUChecker.check(span([Attribute(respelled("genops.team"), .string("a"))]), resource: []) == .notAWU)
        var ownEncoder = SpanPayload.Encoder(), spelledEncoder = SpanPayload.Encoder()
        let ownRange = ownEncoder.encode(span(own)), spelledRange = spelledEncoder.encode(span(spelled))
        #expect(Array(ownEncoder.bytes[ownRange]) == Array(spelledEncoder.bytes[spelledRange]))
        var decoded = span([])
        SpanPayload.decode(Array(ownEncoder.bytes[ownRange]), into: &decoded)
        #expect(decoded.attributes == own)
    }

    @Test func aStringThatIsNoKeyIsNotFound() {
        #expect(table.entry(identicalTo: "genops.team.but.longer.than.any.key") == nil)
        #expect(table.entry(identicalTo: "") == nil)
    }
}
