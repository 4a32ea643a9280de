import Foundation
import Testing
import GovTopCore

/// The README's attribute table is the alias table in code, spelled out; this keeps them in step.
@Suite struct AliasDocsTests {
    static func generatedTable() -> String {
        var lines = ["| fact | attributes, in order of precedence |", "|---|---|"]
        for (fact, keys) in SemanticAliases.table {
            lines.append("| \(fact) | " + keys.map { "`\($0)`" }.joined(separator: ", ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    @Test func readmeListsExactlyTheAliasTable() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- aliases:begin -->\n"))
        let end = try #require(text.range(of: "\n<!-- aliases:end -->"))
        let documented = String(text[begin.upperBound..<end.lowerBound])
        #expect(documented == Self.generatedTable(), "README.md's attribute table differs from SemanticAliases.table; paste:\n\(Self.generatedTable())")
    }
}
