import Testing
@testable import GovTopCore
import GovTopUI

@Suite struct FilterMatchingTests {
    static let attributes: [String: [AttributeValue]] = [
        "http.status_code": [.int(500), .int(200)],
        "gen_ai.request.temperature": [.double(0.7)],
        "genops.policy.result": [.string("blocked")],
        "tags": [.array([.string("beta"), .array([.string("eu")])])],
        "flag": [.bool(true)],
        "empty": [.string("")],
    ]

    static func subject(attributes: Bool = true) -> FilterSubject {
        FilterSubject(
            traceID: "4bf92f3577b34da6a3ce929d0e0e4736", rootName: "POST /chat", service: "chat-api",
            attribution: Attribution(team: "ML Platform", project: "assist", customer: "acme", environment: "prod",
                                     costCenter: "cc-7", feature: "summarize", user: "u1"),
            models: ["gpt-4o", "claude-3-5-sonnet"], providers: ["openai", "anthropic"],
            costUSD: 0.42, durationMs: 2500, tokens: 12_000, hasError: true,
            attributeValues: attributes ? { Self.attributes[$0] ?? [] } : nil)
    }

    static let cases: [(String, Bool)] = [
        ("", true),
        ("chat", true), ("CHAT-API", true), ("platform", true), ("sonnet", true), ("4BF92F", true),
        ("acme", false), ("openai", false), ("nothing", false), ("\"post /chat\"", true), ("chat nothing", false),
        ("error", true),
        ("team=\"ml platform\"", true), ("team=ml", false), ("team~plat", true), ("team!=ml", true), ("team!~plat", false),
        ("team=\"\"", false), ("team!=\"\"", true), ("team~\"\"", true),
        ("env=prod", true), ("environment=PROD", true), ("env=dev", false), ("project=assist", true),
        ("customer=acme", true), ("cost_center=cc-7", true), ("feature~summ", true), ("user=u1", true),
        ("model=gpt-4o", true), ("model=gpt", false), ("model~claude", true), ("model!=gpt-4o", false),
        ("model!=gpt-5", true), ("model!~gpt", false), ("provider=anthropic", true), ("provider!~azure", true),
        ("service=chat-api", true), ("service=chat", false),
        ("cost>0.4", true), ("cost>0.42", false), ("cost>=0.42", true), ("cost<0.5", true), ("cost=0.42", true),
        ("cost!=0.42", false), ("cost<=$0.1", false),
        ("duration>2s", true), ("duration>3s", false), ("duration<2500", false), ("duration<=2.5s", true),
        ("duration>0.04m", true),
        ("tokens>10k", true), ("tokens>=12k", true), ("tokens>12k", false), ("tokens<1M", true), ("tokens=12000", true),
        ("error team~ml cost>0.1", true), ("error team~ml cost>1", false),
        ("http.status_code=500", true), ("http.status_code>=500", true), ("http.status_code<100", false),
        ("http.status_code!=404", true), ("http.status_code!=200", false), ("http.status_code~50", true),
        ("gen_ai.request.temperature>0.5", true), ("gen_ai.request.temperature=0.7", true),
        ("gen_ai.request.temperature=0.70", true), ("gen_ai.request.temperature<0.5", false),
        ("genops.policy.result=BLOCKED", true), ("genops.policy.result~block", true),
        ("genops.policy.result!=allowed", true), ("genops.policy.result>1", false),
        ("tags=eu", true), ("tags=beta", true), ("tags=us", false), ("flag=true", true), ("flag=false", false),
        ("missing.key=x", false), ("missing.key!=x", true), ("missing.key=\"\"", true), ("missing.key~\"\"", false),
        ("empty=\"\"", true), ("HTTP.STATUS_CODE=500", false),
    ]

    @Test(arguments: cases)
    func matches(filter text: String, expected: Bool) throws {
        let filter = try TraceFilter(parsing: text)
        #expect(filter.matches(Self.subject()) == expected)
    }

    @Test func attributeTermsNeverMatchWithoutSpans() throws {
        let subject = Self.subject(attributes: false)
        for text in ["http.status_code=500", "missing.key!=x", "missing.key=\"\""] {
            #expect(!(try TraceFilter(parsing: text)).matches(subject), "\(text)")
        }
        let filter = try TraceFilter(parsing: "error http.status_code=404")
        #expect(!filter.matches(Self.subject()))
        #expect(filter.summaryOnly.matches(subject))
    }

    @Test func fieldsWithoutAValueMatchOnlyTheEmptyValue() throws {
        let bare = FilterSubject(traceID: "00000000000000000000000000000001")
        #expect(try TraceFilter(parsing: "team=\"\" model=\"\" provider=\"\"").matches(bare))
        #expect(try TraceFilter(parsing: "team!=ml model!~gpt").matches(bare))
        #expect(!(try TraceFilter(parsing: "team~\"\"")).matches(bare))
        #expect(!(try TraceFilter(parsing: "error")).matches(bare))
        #expect(try TraceFilter(parsing: "cost<=0 tokens=0 duration<1").matches(bare))
    }

    @Test func aSummaryBecomesASubject() throws {
        let id = try #require(TraceID(hex: "4bf92f3577b34da6a3ce929d0e0e4736"))
        let summary = TraceSummary(
            traceID: id, rootName: "POST /chat", service: "chat-api", startTimeUnixNano: 0, durationNanos: 2_500_000_000,
            spanCount: 3, costUSD: 0.42, inputTokens: 10_000, outputTokens: 2_000,
            attribution: Attribution(team: "ML Platform", environment: "prod"), models: ["gpt-4o"], providers: ["openai"],
            errors: 1, policyViolations: 0, evalFailures: 0, hasRoot: true)
        let filter = try TraceFilter(parsing: "4bf92f error team~ml env=prod model=gpt-4o provider=openai duration=2.5s tokens=12k cost>0.4")
        #expect(filter.matches(summary))
        var clean = summary
        clean.errors = 0
        #expect(!filter.matches(clean))
    }

    @Test(arguments: ["ml platform", "a\"b", "back\\slash", "", "plain", "x=y", "it's", "tab\there", "!~<>"])
    func quotedValuesReadBackVerbatim(value: String) throws {
        let filter = try TraceFilter(parsing: "team=" + TraceFilter.quoted(value))
        #expect(filter.terms == [.comparison(FilterComparison(field: .team, op: .equals, text: value.lowercased()))])
    }

    @Test func plainValuesStayUnquoted() {
        #expect(TraceFilter.quoted("gpt-4o") == "gpt-4o")
        #expect(TraceFilter.quoted("ml platform") == "\"ml platform\"")
    }

    @Test(arguments: [
        (Dimension.team, "ml platform", "team=\"ml platform\""), (.environment, "prod", "env=prod"),
        (.costCenter, "cc-7", "cost_center=cc-7"), (.model, "gpt-4o", "model=gpt-4o"),
        (.service, Dimension.unattributed, "service=\"\""), (.feature, "search", "feature=search"),
    ])
    func groupsOfTheTeamsPanelBecomeFilters(dimension: Dimension, group: String, text: String) {
        #expect(TraceFilter.text(selecting: group, of: dimension) == text)
    }

    @Test func theOverflowGroupHasNoFilter() {
        #expect(TraceFilter.text(selecting: Dimension.other, of: .team) == nil)
    }

    @Test func aGroupFilterMatchesTheGroupsTraces() throws {
        let text = try #require(TraceFilter.text(selecting: "ML Platform", of: .team))
        #expect(try TraceFilter(parsing: text).matches(Self.subject()))
        let other = try #require(TraceFilter.text(selecting: "search", of: .team))
        #expect(!(try TraceFilter(parsing: other)).matches(Self.subject()))
    }
}
