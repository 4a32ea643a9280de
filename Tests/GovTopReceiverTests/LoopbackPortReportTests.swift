import Foundation
import Glibc
import GovTopTestSupport
import NIOCore
import NIOPosix
import Testing

/// The diagnostic that the connection-deadline tests print when a server does not act must tell
/// "never accepted" from "accepted, never read": checked against a raw listener that never accepts.
@Suite struct LoopbackPortReportTests {
    @Test func aConnectionNobodyAcceptedIsReportedWithItsUnreadBytes() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        try #require(bound && listen(listener, 8) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))

        let client = try HTTPTestClient(port: port)
        try client.send("hello")
        Thread.sleep(forTimeInterval: 0.1)
        let waiting = LoopbackPortReport.describe(port: port)
        #expect(waiting.contains("listening with 1 not accepted"), "\(waiting)")

        let accepted = accept(listener, nil, nil)
        defer { close(accepted) }
        try #require(accepted >= 0)
        let unread = LoopbackPortReport.describe(port: port)
        #expect(unread.contains("listening with 0 not accepted"), "\(unread)")
        #expect(unread.contains("established with 5 bytes unread"), "\(unread)")
        #expect(unread.contains("connection fd \(accepted): watched by no epoll"), "\(unread)")
        #expect(LoopbackPortReport.sockets(port: port == 65_535 ? 1 : port + 1).contains("listening") == false)
    }

    @Test func eventLoopThreadsAreListedWithStateNiceAndCPU() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // A loop that has just started may not wait yet.
        var threads = LoopbackPortReport.nioThreads()
        let deadline = ContinuousClock.now + .seconds(10)
        while !threads.contains(" in epoll_wait") && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            threads = LoopbackPortReport.nioThreads()
        }
        try await group.shutdownGracefully()
        // e.g. "NIO-ELT-1-#1 S nice 0 cpu 0 in epoll_wait"
        #expect(threads.contains(/NIO-ELT-[0-9]+-#[0-9]+ [RSD] nice -?[0-9]+ cpu [0-9]+ in epoll_wait/), "\(threads)")
    }

    @Test func aConnectionAnEventLoopServesIsWatchedForInputNextToItsLoopsTimer() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await ServerBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let client = try HTTPTestClient(port: port)
        var report = ""
        let deadline = ContinuousClock.now + .seconds(10)
        repeat {
            try await Task.sleep(for: .milliseconds(20))
            report = LoopbackPortReport.watchers(port: port)
        } while !report.contains("watched by epoll") && ContinuousClock.now < deadline
        _ = client
        try await server.close()
        try await group.shutdownGracefully()
        // e.g. "connection fd 41: watched by epoll fd 38 for events 0x2019 (timer fd 40 it_value (0, 0))"
        #expect(report.contains(/connection fd [0-9]+: watched by epoll fd [0-9]+ for events 0x[0-9a-f]+ \(timer fd [0-9]+ it_value/), "\(report)")
    }

    /// Against a child process: attaching to this one would stop every test running alongside.
    @Test func gdbShowsWhereAThreadWaits() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sleep")
        child.arguments = ["30"]
        try child.run()
        defer { child.terminate() }
        Thread.sleep(forTimeInterval: 0.2)
        let stacks = LoopbackPortReport.backtraces(of: child.processIdentifier, threadsNamed: ["sleep"])
        #expect(stacks.contains("--- sleep (LWP \(child.processIdentifier))"), "\(stacks)")
        #expect(stacks.contains("nanosleep"), "\(stacks)")
    }
}
