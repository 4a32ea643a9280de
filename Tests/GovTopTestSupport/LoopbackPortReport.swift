import Foundation

/// What the kernel and the scheduler say about a loopback server right now, for the message of a
/// test that waited for the server to act and it did not: whether connections wait in the
/// listener's accept queue (never accepted), how many bytes each of the port's connections holds
/// unread (accepted but never read), and the state, nice value and CPU time of every SwiftNIO
/// thread of the process (event loops `NIO-ELT-*`, the singleton's `NIO-SGLTN-*`, thread pools
/// `TP-#*`): a blocked or starved loop.
public enum LoopbackPortReport {
    public static func describe(port: Int) -> String {
        "port \(port): " + sockets(port: port) + "; threads: " + nioThreads()
    }

    /// The sockets bound to `port` (from `/proc/net/tcp`): a listener's receive queue is its
    /// accept queue; a connection's is the bytes that arrived and the server has not read.
    public static func sockets(port: Int) -> String {
        guard let table = procFile("/proc/net/tcp") else { return "no /proc/net/tcp" }
        let states = ["01": "established", "0A": "listening", "08": "close-wait", "06": "time-wait", "04": "fin-wait-1",
                      "05": "fin-wait-2", "07": "closed", "09": "last-ack", "0B": "closing"]
        var found: [String] = []
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 4, let local = fields[1].split(separator: ":").last, Int(local, radix: 16) == port else { continue }
            let queues = fields[4].split(separator: ":").compactMap { Int($0, radix: 16) }
            guard queues.count == 2 else { continue }
            let state = states[String(fields[3])] ?? "state \(fields[3])"
            found.append(state == "listening" ? "listening with \(queues[1]) not accepted"
                                              : "\(state) with \(queues[1]) bytes unread, \(queues[0]) unsent")
        }
        return found.isEmpty ? "no socket" : found.joined(separator: ", ")
    }

    /// SwiftNIO's threads: name, scheduler state (R running, S sleeping, D in the kernel), nice
    /// value and CPU ticks.
    public static func nioThreads() -> String {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return "no /proc/self/task" }
        var found: [String] = []
        for task in tasks.sorted() {
            guard let name = procFile("/proc/self/task/\(task)/comm"),
                  name.hasPrefix("NIO-") || name.hasPrefix("TP-#"),
                  let stat = procFile("/proc/self/task/\(task)/stat"),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After the name in parentheses: state is field 3, utime 14, stime 15, nice 19.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 16, let user = Int(fields[11]), let system = Int(fields[12]) else { continue }
            found.append("\(name.trimmingCharacters(in: .whitespacesAndNewlines)) \(fields[0]) nice \(fields[16]) cpu \(user + system)")
        }
        return found.isEmpty ? "none" : found.joined(separator: ", ")
    }

    /// A `/proc` file read to its end (they report size 0, and a single read returns one page).
    private static func procFile(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var bytes = Data()
        while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }
}
