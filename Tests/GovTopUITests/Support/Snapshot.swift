import Foundation
import Testing

/// Golden-file snapshots of rendered text, in Tests/GovTopUITests/Golden/NAME.txt.
/// Re-record with `GOVTOP_RECORD_SNAPSHOTS=1 swift test --filter GovTopUITests`; recording writes
/// the files into the source tree and fails the test so a recorded run never passes unseen.
enum Snapshot {
    static let recordVariable = "GOVTOP_RECORD_SNAPSHOTS"

    static func assertMatches(
        _ actual: String,
        golden name: String,
        filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if ProcessInfo.processInfo.environment[recordVariable] == "1" {
            let url = URL(fileURLWithPath: filePath)
                .deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Golden/\(name).txt")
            do {
                try (actual + "\n").write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded golden \(name).txt; unset \(recordVariable) and run again", sourceLocation: sourceLocation)
            } catch {
                Issue.record("could not record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Golden"),
              let stored = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name).txt; record it with \(recordVariable)=1\n\(actual)", sourceLocation: sourceLocation)
            return
        }
        let expected = stored.hasSuffix("\n") ? String(stored.dropLast()) : stored
        guard expected != actual else { return }
        Issue.record("snapshot \(name) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }

    /// Differing lines as "-" (golden) and "+" (rendered) pairs, with line numbers.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? String(old[index]) : nil
            let after = index < new.count ? String(new[index]) : nil
            guard before != after else { continue }
            out.append("line \(index + 1):")
            if let before { out.append("- |\(before)|") }
            if let after { out.append("+ |\(after)|") }
        }
        return out.joined(separator: "\n")
    }
}
