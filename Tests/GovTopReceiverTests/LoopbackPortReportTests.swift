import Foundation
import Glibc
import GovTopTestSupport
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
        #expect(LoopbackPortReport.sockets(port: port == 65_535 ? 1 : port + 1).contains("listening") == false)
    }

    @Test func eventLoopThreadsAreListedWithStateNiceAndCPU() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let threads = LoopbackPortReport.nioThreads()
        try await group.shutdownGracefully()
        // e.g. "NIO-ELT-1-#1 S nice 0 cpu 0"
        #expect(threads.contains(/NIO-ELT-[0-9]+-#[0-9]+ [RSD] nice -?[0-9]+ cpu [0-9]+/), "\(threads)")
    }
}
