import Foundation

/// What the kernel and the scheduler say about a loopback server right now, for the message of a
/// test that waited for the server to act and it did not: whether connections wait in the
/// listener's accept queue (never accepted), how many bytes each of the port's connections holds
/// unread (accepted but never read), and the state, nice value and CPU time of every SwiftNIO
/// thread of the process (event loops `NIO-ELT-*`, the singleton's `NIO-SGLTN-*`, thread pools
/// `TP-#*`): a blocked or starved loop.
public enum LoopbackPortReport {
    public static func describe(port: Int) -> String {
        "port \(port): " + sockets(port: port) + "; " + watchers(port: port) + "; threads: " + nioThreads()
    }

    /// For each connection of `port`: this process's descriptor for it, and which epoll instances
    /// watch it, for which events (EPOLLIN is 0x1), and whether each such instance's timer
    /// (`timerfd`, which wakes an event loop for its scheduled tasks) is armed. A connection no
    /// epoll watches is never read; an event loop whose timer is unarmed runs no deadline.
    public static func watchers(port: Int) -> String {
        guard let rows = tcpRows(port: port) else { return "no /proc/net/tcp" }
        let inodes = rows.filter { $0.state != "0A" }.map(\.inode)
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        var links: [String: String] = [:]
        for descriptor in descriptors {
            if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)") {
                links[descriptor] = link
            }
        }
        // Each epoll instance: the descriptors it watches and the events it waits for.
        var epolls: [(fd: String, watched: [(fd: String, events: String)])] = []
        for (descriptor, link) in links where link == "anon_inode:[eventpoll]" {
            guard let info = procFile("/proc/self/fdinfo/\(descriptor)") else { continue }
            let watched = info.split(separator: "\n").compactMap { line -> (String, String)? in
                let parts = line.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count >= 4, parts[0] == "tfd:", parts[2] == "events:" else { return nil }
                return (String(parts[1]), String(parts[3]))
            }
            epolls.append((descriptor, watched))
        }
        func timer(of epoll: (fd: String, watched: [(fd: String, events: String)])) -> String {
            let timers = epoll.watched.filter { links[$0.fd] == "anon_inode:[timerfd]" }
            guard !timers.isEmpty else { return "no timer" }
            return timers.map { timer in
                let value = procFile("/proc/self/fdinfo/\(timer.fd)")?.split(separator: "\n")
                    .first { $0.hasPrefix("it_value:") }.map { $0.dropFirst("it_value:".count).trimmingCharacters(in: .whitespaces) }
                return "timer fd \(timer.fd) it_value \(value ?? "?")"
            }.joined(separator: ", ")
        }
        var found: [String] = []
        for inode in inodes {
            let owners = links.filter { $0.value == "socket:[\(inode)]" }.keys.sorted()
            guard !owners.isEmpty else {
                found.append("socket \(inode): no descriptor in this process")
                continue
            }
            for owner in owners {
                let watching = epolls.compactMap { epoll in
                    epoll.watched.first { $0.fd == owner }.map { "epoll fd \(epoll.fd) for events 0x\($0.events) (\(timer(of: epoll)))" }
                }
                found.append("connection fd \(owner): " + (watching.isEmpty ? "watched by no epoll" : "watched by " + watching.joined(separator: ", ")))
            }
        }
        return found.isEmpty ? "no connection" : found.joined(separator: ", ")
    }

    /// The sockets bound to `port` (from `/proc/net/tcp`): a listener's receive queue is its
    /// accept queue; a connection's is the bytes that arrived and the server has not read.
    public static func sockets(port: Int) -> String {
        guard let rows = tcpRows(port: port) else { return "no /proc/net/tcp" }
        let states = ["01": "established", "0A": "listening", "08": "close-wait", "06": "time-wait", "04": "fin-wait-1",
                      "05": "fin-wait-2", "07": "closed", "09": "last-ack", "0B": "closing"]
        let found = rows.map { row in
            let state = states[row.state] ?? "state \(row.state)"
            return state == "listening" ? "listening with \(row.received) not accepted"
                                        : "\(state) with \(row.received) bytes unread, \(row.unsent) unsent"
        }
        return found.isEmpty ? "no socket" : found.joined(separator: ", ")
    }

    /// One socket of `/proc/net/tcp`: its state code, queues (a listener's receive queue is its
    /// accept queue) and inode.
    private struct TCPRow {
        let state: String
        let unsent: Int
        let received: Int
        let inode: String
    }

    /// The sockets bound to `port` locally; nil without `/proc/net/tcp`.
    private static func tcpRows(port: Int) -> [TCPRow]? {
        guard let table = procFile("/proc/net/tcp") else { return nil }
        return table.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 9, let local = fields[1].split(separator: ":").last, Int(local, radix: 16) == port else { return nil }
            let queues = fields[4].split(separator: ":").compactMap { Int($0, radix: 16) }
            guard queues.count == 2 else { return nil }
            return TCPRow(state: String(fields[3]), unsent: queues[0], received: queues[1], inode: String(fields[9]))
        }
    }

    /// SwiftNIO's threads: name, scheduler state (R running, S sleeping, D in the kernel), nice
    /// value, CPU ticks, and the system call a sleeping thread waits in (`epoll_wait`: an idle
    /// event loop; `futex`: blocked on a lock).
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
            let waiting = procFile("/proc/self/task/\(task)/syscall").flatMap { $0.split(whereSeparator: \.isWhitespace).first }.map { call in
                Self.systemCalls[String(call)].map { " in \($0)" } ?? " in syscall \(call)"
            } ?? ""
            found.append("\(name.trimmingCharacters(in: .whitespacesAndNewlines)) \(fields[0]) nice \(fields[16]) cpu \(user + system)\(waiting)")
        }
        return found.isEmpty ? "none" : found.joined(separator: ", ")
    }

    /// x86-64 numbers of the calls a thread of this process may wait in ("running": not in one).
    private static let systemCalls = ["0": "read", "7": "poll", "23": "select", "35": "nanosleep", "202": "futex",
                                      "230": "clock_nanosleep", "232": "epoll_wait", "281": "epoll_pwait",
                                      "441": "epoll_pwait2", "43": "accept", "288": "accept4", "running": "none (running)"]

    /// gdb's backtraces of the threads of process `pid` whose names start with one of `prefixes`, at
    /// most `frames` deep; what went wrong when gdb is missing or cannot attach. Stops the whole
    /// process while gdb is attached (seconds): for the message of a test that already failed.
    public static func backtraces(of pid: pid_t = getpid(), threadsNamed prefixes: [String] = ["NIO-ELT-"],
                                  frames: Int = 24) -> String {
        let script = "import gdb\n"
            + "for t in gdb.selected_inferior().threads():\n"
            + "    if t.name and t.name.startswith((\(prefixes.map { "'\($0)'" }.joined(separator: ", ")),)):\n"
            + "        t.switch()\n"
            + "        print('--- ' + t.name + ' (LWP %d)' % t.ptid[1])\n"
            + "        gdb.execute('bt \(frames)')\n"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("govtop-bt-\(pid)-\(UInt32.random(in: 0...UInt32.max))")
        let file = directory.appendingPathComponent("threads.py")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try script.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            return "no backtraces: \(error)"
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let gdb = Process()
        gdb.executableURL = URL(fileURLWithPath: "/usr/bin/gdb")
        gdb.arguments = ["-p", String(pid), "-batch", "-nx", "-ex", "set pagination off", "-ex", "source \(file.path)"]
        // To a file, not a pipe: while gdb holds this process stopped nothing here could drain a
        // pipe, and gdb would block on a full one with the process still stopped.
        let outputFile = directory.appendingPathComponent("backtraces.txt")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil),
              let output = try? FileHandle(forWritingTo: outputFile) else { return "no backtraces: cannot create \(outputFile.path)" }
        defer { try? output.close() }
        gdb.standardOutput = output
        gdb.standardError = FileHandle.nullDevice
        do {
            try gdb.run()
        } catch {
            return "no backtraces: cannot run gdb (\(error))"
        }
        let watchdog = DispatchWorkItem { if gdb.isRunning { gdb.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        gdb.waitUntilExit()
        watchdog.cancel()
        let text = String(decoding: FileManager.default.contents(atPath: outputFile.path) ?? Data(), as: UTF8.self)
        let kept = text.split(separator: "\n").filter { $0.hasPrefix("---") || $0.hasPrefix("#") }
        return kept.isEmpty ? "no backtraces (gdb exit \(gdb.terminationStatus))" : kept.joined(separator: "\n")
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
