import GovTopTestSupport
import Foundation
import GovTopCore
import GovTopNotify
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Command sinks run a real program (a small shell script) with the JSON on standard input.
@Suite struct CommandSinkTests {
    /// A temporary directory with an executable script `hook.sh` holding `body`.
    private static func script(_ body: String) throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("hook.sh").path
        try Data(("#!/bin/sh\n" + body + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return (directory, path)
    }

    private static func sink(_ argv: [String], timeout: Double = 30, retries: Int = 0) -> NotificationSinkSettings {
        NotificationSinkSettings(name: "page", target: .command(argv), timeoutSeconds: timeout, maxAttempts: retries + 1,
                                 backoffSeconds: 0.001, maxBackoffSeconds: 0.004, failureAlertAfter: 100)
    }

    @Test func runsTheProgramWithTheJSONOnStandardInputAndItsArgumentsVerbatim() async throws {
        let (directory, path) = try Self.script(#"cat > "$1/stdin.json"; printf '%s\n' "$2" > "$1/argument.txt""#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = Engine()
        let tricky = "ml; rm -rf / $(id) `id` 'quoted'"
        let notifier = try Notifier(engine: engine, sinks: [Self.sink([path, directory.path, tricky])], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "page") { $0.stats.sent == 1 }
        await BlockingWork.run(notifier.stop)

        #expect(status?.kind == "command")
        #expect(status?.target == "\(path) \(directory.path) \(tricky)")
        let input = try Data(contentsOf: directory.appendingPathComponent("stdin.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: input) as? [String: Any])
        #expect(json["event"] as? String == "firing")
        #expect((json["alert"] as? [String: Any])?["subject"] as? String == "notifications probe-1")
        let argument = try String(contentsOf: directory.appendingPathComponent("argument.txt"), encoding: .utf8)
        #expect(argument == tricky + "\n")
    }

    /// govtop's sockets (SwiftNIO's) are not close-on-exec: a command that inherited one, or a
    /// daemon it starts, would keep govtop's closed connections open and its port bound.
    @Test func theProgramGetsNoneOfGovtopsDescriptors() async throws {
        let (directory, path) = try Self.script(#"cat > /dev/null; ls -l /proc/self/fd/ > "$1/fds.txt""#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let held = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) // no SOCK_CLOEXEC, as SwiftNIO's
        try #require(held >= 0)
        defer { close(held) }
        var socketStatus = stat()
        try #require(fstat(held, &socketStatus) == 0)
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [Self.sink([path, directory.path])], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        _ = try await NotifyFixtures.status(engine, "page") { $0.stats.sent == 1 }
        await BlockingWork.run(notifier.stop)

        let listing = try String(contentsOf: directory.appendingPathComponent("fds.txt"), encoding: .utf8)
        #expect(listing.contains("0 -> pipe:"), "\(listing)") // the program's own descriptors: stdin is the JSON's pipe
        #expect(!listing.contains("socket:[\(socketStatus.st_ino)]"), "\(listing)")
    }

    @Test func aFailingProgramIsRetriedAndItsOutputReported() async throws {
        let (directory, path) = try Self.script(#"cat > /dev/null; echo "pager \033[31mdown"; exit 3"#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [Self.sink([path], retries: 2)], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "page") { $0.stats.failed == 1 }
        await BlockingWork.run(notifier.stop)

        #expect(status?.stats.attemptsFailed == 3)
        let error = try #require(status?.stats.lastError)
        #expect(error.contains("exited with status 3: pager"))
        #expect(error.contains("down"))
        #expect(!error.unicodeScalars.contains { ControlCharacters.isControl($0) })
    }

    @Test func aProgramThatRunsTooLongIsStopped() async throws {
        let (directory, path) = try Self.script("exec sleep 600")
        defer { try? FileManager.default.removeItem(at: directory) }
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [Self.sink([path], timeout: 0.2)], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "page") { $0.stats.failed == 1 }
        await BlockingWork.run(notifier.stop)
        #expect(status?.stats.lastError?.contains("did not finish within 0.2 s and was stopped") == true)
    }

    @Test func aMissingProgramIsAFailureThatSaysSo() async throws {
        let engine = Engine()
        let notifier = try Notifier(engine: engine, sinks: [Self.sink(["/nonexistent/page-oncall"])], interval: .milliseconds(5))
        notifier.start()
        NotifyFixtures.raise(engine, 1)
        let status = try await NotifyFixtures.status(engine, "page") { $0.stats.failed == 1 }
        await BlockingWork.run(notifier.stop)
        #expect(status?.stats.lastError == "/nonexistent/page-oncall was not found or is not executable")
    }
}
