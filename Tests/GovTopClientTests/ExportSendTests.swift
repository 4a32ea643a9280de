@testable import GovTopClient
import NIOCore
import NIOEmbedded
import NIOHTTP1
import Testing

/// The write half of an export: a request that cannot be written fails its answer instead of
/// leaving it pending (the export would wait forever, and a debug build traps on the leaked promise).
@Suite struct ExportSendTests {
    func pending(on channel: EmbeddedChannel) -> PendingExport {
        PendingExport(head: HTTPRequestHead(version: .http1_1, method: .POST, uri: "/v1/traces"),
                      body: channel.allocator.buffer(bytes: [1, 2, 3]), timeout: .seconds(5),
                      promise: channel.eventLoop.makePromise())
    }

    /// What a socket channel does once the peer has closed it: the response handler is gone and
    /// every write fails.
    final class ClosedSocket: ChannelOutboundHandler, Sendable {
        typealias OutboundIn = PendingExport
        func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
            promise?.fail(ChannelError.ioOnClosedChannel)
        }
    }

    /// Where the embedded loop's inline callback leaves the answer (one thread: the test's).
    final class Outcome: @unchecked Sendable {
        var result: Result<RawResponse, any Error>?
    }

    @Test func aWriteOnAClosedConnectionFailsTheAnswer() throws {
        let channel = EmbeddedChannel(handler: ClosedSocket())
        let answer = pending(on: channel).send(on: channel)
        let outcome = Outcome()
        answer.whenComplete { outcome.result = $0 }
        channel.embeddedEventLoop.run()
        // Before the fix the answer stayed pending for ever.
        let result = try #require(outcome.result, "the answer is still pending")
        guard case .failure(let failure) = result, case .connectionLost(let reason)? = failure as? ExportFailure else {
            Issue.record("expected connectionLost, got \(result)")
            return
        }
        #expect(reason.contains("could not be sent"))
    }
}
