import Foundation
import GovTopCore
import Synchronization

/// Runs a sink's program (an argument list, no shell) with the notification's JSON on standard
/// input. The run must exit with status 0 within the timeout, else it is killed and counts as a
/// failed attempt; at most `maxOutputBytes` of its output (stdout and stderr) are kept, for the error.
final class CommandTransport: NotificationTransport {
    static let maxOutputBytes = 4096

    let argv: [String]
    private let timeoutSeconds: Double

    init(argv: [String], timeoutSeconds: Double) {
        self.argv = argv
        self.timeoutSeconds = max(0.001, min(timeoutSeconds, 3600))
        // A program that exits without reading its input must not take govtop down with SIGPIPE:
        // the write fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
    }

    func deliver(_ body: [UInt8]) throws(DeliveryFailure) {
        guard let program = Self.resolve(argv[0]) else {
            throw DeliveryFailure(message: "\(shown) was not found or is not executable", retryable: true)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(argv.dropFirst())
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw DeliveryFailure(message: "\(shown) could not be started: \(error.localizedDescription)", retryable: true)
        }
        let captured = OutputCapture(output.fileHandleForReading)
        DispatchQueue.global().async {
            try? input.fileHandleForWriting.write(contentsOf: body)
            try? input.fileHandleForWriting.close()
        }
        if exited.wait(timeout: .now() + .nanoseconds(Int(timeoutSeconds * 1e9))) == .timedOut {
            process.terminate()
            if exited.wait(timeout: .now() + .seconds(2)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
            throw DeliveryFailure(message: "\(shown) did not finish within \(Self.seconds(timeoutSeconds)) and was stopped", retryable: true)
        }
        let text = captured.finish()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)"
                                                         : "was killed by signal \(process.terminationStatus)"
            throw DeliveryFailure(message: "\(shown) \(how)" + (text.isEmpty ? "" : ": \(text)"), retryable: true)
        }
    }

    private var shown: String { ControlCharacters.replaced(in: argv[0]) }

    /// A path as given when it has a `/`, else the first executable of that name on `PATH`.
    static func resolve(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// Reads a program's output on a thread of its own until it closes: the first `maxOutputBytes` are
/// kept, the rest is read and thrown away, so the program never blocks on a full pipe.
private final class OutputCapture: Sendable {
    private let kept = Mutex<[UInt8]>([])
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                kept.withLock { bytes in
                    let room = CommandTransport.maxOutputBytes - bytes.count
                    if room > 0 { bytes += chunk.prefix(room) }
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// The output as one cleaned line, once the program closed it (at most 2 s after it exited, for
    /// children that keep it open).
    func finish() -> String {
        _ = done.wait(timeout: .now() + .seconds(2))
        let bytes = kept.withLock { $0 }
        let text = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
        return ControlCharacters.replaced(in: String(text.prefix(300)))
    }
}
