import Testing
import GovTopUI

@Suite struct FilterParserTests {
    static func compare(_ field: FilterField, _ op: FilterOperator, _ text: String, _ number: Double? = nil) -> FilterTerm {
        .comparison(FilterComparison(field: field, op: op, text: text, number: number))
    }

    static let valid: [(String, [FilterTerm])] = [
        ("", []),
        ("   \t ", []),
        ("chat", [.text("chat")]),
        ("Chat  GPT", [.text("chat"), .text("gpt")]),
        ("\"hello world\"", [.text("hello world")]),
        ("hello!", [.text("hello!")]),
        ("error", [.hasError]),
        ("ERROR chat", [.hasError, .text("chat")]),
        ("team=ml", [compare(.team, .equals, "ml")]),
        ("Team=ML", [compare(.team, .equals, "ml")]),
        ("team=\"ml platform\"", [compare(.team, .equals, "ml platform")]),
        ("team='ml platform'", [compare(.team, .equals, "ml platform")]),
        ("team=\"\"", [compare(.team, .equals, "")]),
        ("note=\"say \\\"hi\\\" \\\\o/\"", [compare(.attribute("note"), .equals, "say \"hi\" \\o/")]),
        ("env=prod environment=dev", [compare(.environment, .equals, "prod"), compare(.environment, .equals, "dev")]),
        ("cost_center=cc1 costcenter=cc2", [compare(.costCenter, .equals, "cc1"), compare(.costCenter, .equals, "cc2")]),
        ("project=a customer=b feature=c user=d", [
            compare(.project, .equals, "a"), compare(.customer, .equals, "b"),
            compare(.feature, .equals, "c"), compare(.user, .equals, "d"),
        ]),
        ("service=api", [compare(.service, .equals, "api")]),
        ("model~gpt", [compare(.model, .contains, "gpt")]),
        ("model!=gpt-4o provider!~azure", [compare(.model, .notEquals, "gpt-4o"), compare(.provider, .notContains, "azure")]),
        ("cost>0.5", [compare(.cost, .greater, "0.5", 0.5)]),
        ("cost>$2", [compare(.cost, .greater, "$2", 2)]),
        ("cost>=1 cost<.25 cost<=3 cost=0", [
            compare(.cost, .greaterOrEqual, "1", 1), compare(.cost, .less, ".25", 0.25),
            compare(.cost, .lessOrEqual, "3", 3), compare(.cost, .equals, "0", 0),
        ]),
        ("duration>2s", [compare(.duration, .greater, "2s", 2000)]),
        ("duration<500ms", [compare(.duration, .less, "500ms", 500)]),
        ("duration>250", [compare(.duration, .greater, "250", 250)]),
        ("duration>1.5m", [compare(.duration, .greater, "1.5m", 90_000)]),
        ("duration>1MIN", [compare(.duration, .greater, "1min", 60_000)]),
        ("duration>1h", [compare(.duration, .greater, "1h", 3_600_000)]),
        ("duration>250us", [compare(.duration, .greater, "250us", 0.25)]),
        ("duration>\"2s\"", [compare(.duration, .greater, "2s", 2000)]),
        ("tokens>10k tokens<2M tokens>=500", [
            compare(.tokens, .greater, "10k", 10_000), compare(.tokens, .less, "2m", 2_000_000),
            compare(.tokens, .greaterOrEqual, "500", 500),
        ]),
        ("gen_ai.request.temperature>0.5", [compare(.attribute("gen_ai.request.temperature"), .greater, "0.5", 0.5)]),
        ("http.status_code=500", [compare(.attribute("http.status_code"), .equals, "500", 500)]),
        ("Genops.Policy.Result!=allowed", [compare(.attribute("Genops.Policy.Result"), .notEquals, "allowed")]),
        ("offset>-1", [compare(.attribute("offset"), .greater, "-1", -1)]),
        ("a<=5", [compare(.attribute("a"), .lessOrEqual, "5", 5)]),
        ("url=a=b", [compare(.attribute("url"), .equals, "a=b")]),
        ("team=ml\"x", [compare(.team, .equals, "ml\"x")]),
    ]

    @Test(arguments: valid)
    func parses(text: String, terms: [FilterTerm]) throws {
        let filter = try TraceFilter(parsing: text)
        #expect(filter.terms == terms)
        #expect(filter.text == text)
    }

    @Test func singleQuotesDelimitPhrasesToo() throws {
        #expect(try TraceFilter(parsing: "'ml platform' x").terms == [.text("ml platform"), .text("x")])
    }

    static let invalid: [(String, String, Int, String)] = [
        ("cost>abc", "expected a number after '>'", 5, "cost>abc"),
        ("cost>", "expected a number after '>'", 5, "cost>"),
        ("cost>=", "expected a number after '>='", 6, "cost>="),
        ("attr<x", "expected a number after '<'", 5, "attr<x"),
        ("duration>-5", "expected a number after '>'", 9, "duration>-5"),
        ("team>3", "team is text: use team=… or team~…", 4, "team>3"),
        ("env<=3", "env is text: use env=… or env~…", 3, "env<=3"),
        ("cost~cheap", "cost is a number: use cost>…, cost<… or cost=…", 4, "cost~cheap"),
        ("tokens!~5", "tokens is a number: use tokens>…, tokens<… or tokens=…", 6, "tokens!~5"),
        ("duration>2x", "unknown duration unit 'x': use ms, s, m or h (plain numbers are ms)", 10, "duration>2x"),
        ("tokens>5q", "unknown suffix 'q' on a token count: use k or M", 8, "tokens>5q"),
        ("cost>1.5usd", "cost is in USD: write a plain number, like cost>0.5", 8, "cost>1.5usd"),
        ("cost>1.5.2", "cost is in USD: write a plain number, like cost>0.5", 8, "cost>1.5.2"),
        ("attr>5x", "unexpected 'x' after the number", 6, "attr>5x"),
        ("team=", "expected a value after '=' (write team=\"\" for no value)", 5, "team="),
        ("model!=", "expected a value after '!=' (write model!=\"\" for no value)", 7, "model!="),
        ("model~", "expected text after '~'", 6, "model~"),
        ("=x", "expected a field name before '=', like team=…", 0, "=x"),
        (">5", "expected a field name before '>', like team>…", 0, ">5"),
        ("team=\"ml platform", "unterminated quote: add a closing \"", 5, "team=\"ml platform"),
        ("a \"abc def", "unterminated quote: add a closing \"", 2, "\"abc def"),
        ("team=\"ml\"x y", "expected a space after the closing quote", 9, "team=\"ml\"x"),
        ("\"\"", "empty quotes: put the text to find between them", 0, "\"\""),
        ("ok error cost>abc", "expected a number after '>'", 14, "cost>abc"),
    ]

    @Test(arguments: invalid)
    func rejects(text: String, message: String, position: Int, term: String) {
        #expect {
            try TraceFilter(parsing: text)
        } throws: { error in
            guard let error = error as? FilterParseError else { return false }
            return error.message == message && error.position == position && error.term == term
        }
    }

    @Test func theErrorDescriptionQuotesTheTerm() {
        #expect(throws: FilterParseError(message: "expected a number after '>'", position: 5, term: "cost>abc")) {
            try TraceFilter(parsing: "cost>abc")
        }
        let error = FilterParseError(message: "expected a number after '>'", position: 5, term: "cost>abc")
        #expect(error.description == "\"cost>abc\": expected a number after '>'")
    }

    @Test func numbersTooLargeForADoubleAreRejected() {
        let huge = "1" + String(repeating: "0", count: 400)
        #expect {
            try TraceFilter(parsing: "tokens>\(huge)")
        } throws: { error in
            (error as? FilterParseError)?.message == "'\(huge)' is too large"
        }
        #expect(throws: FilterParseError.self) { try TraceFilter(parsing: "tokens>\(String(repeating: "9", count: 306))M") }
    }

    @Test func needsAttributesOnlyForAttributeTerms() throws {
        #expect(!(try TraceFilter(parsing: "chat error team=ml cost>1 duration<2s tokens>5 model~gpt")).needsAttributes)
        #expect(try TraceFilter(parsing: "error http.status_code=500").needsAttributes)
        let summaryOnly = try TraceFilter(parsing: "error http.status_code=500 team=ml").summaryOnly
        #expect(summaryOnly.terms == [.hasError, .comparison(FilterComparison(field: .team, op: .equals, text: "ml"))])
        #expect(!summaryOnly.needsAttributes)
    }

    @Test func longInputParsesInOnePass() throws {
        let text = Array(repeating: "team~a cost>0.1 \"x y\"", count: 2_000).joined(separator: " ")
        #expect(try TraceFilter(parsing: text).terms.count == 6_000)
    }
}
