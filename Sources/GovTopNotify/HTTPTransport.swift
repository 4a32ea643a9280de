import GovTopClient
import GovTopCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// POSTs a JSON body to a sink's URL over HTTP/1.1, with TLS for `https`: one connection per
/// attempt (notifications are rare; a fresh connection cannot be a stale one), the demo client's
/// response handler, and one deadline for connecting and for the answer.
///
/// It waits on event-loop futures only, not on `HTTPConnection` (async): the sink's thread blocks
/// while it waits, and an exchange that needs the task pool stalls for as long as that pool is busy
/// (seen in the test process: deliveries held up for a minute behind CPU-bound work).
final class HTTPTransport: NotificationTransport {
    let url: NotificationURL
    private let group: any EventLoopGroup
    private let timeout: TimeAmount
    private let tls: NIOSSLContext?

    init(url: NotificationURL, timeoutSeconds: Double, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        self.url = url
        self.group = group
        timeout = .nanoseconds(Int64(max(0.001, min(timeoutSeconds, 3600)) * 1e9))
        tls = url.isTLS ? try NIOSSLContext(configuration: .makeClientConfiguration()) : nil
    }

    func deliver(_ body: [UInt8]) throws(DeliveryFailure) {
        let url = url
        let tls = tls
        let timeout = timeout
        let handshake = Mutex<EventLoopFuture<Void>?>(nil)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        let isAddress = (try? SocketAddress(ipAddress: url.host, port: 0)) != nil
                        let handler = try NIOSSLClientHandler(context: tls, serverHostname: isAddress ? nil : url.host)
                        try channel.pipeline.syncOperations.addHandler(handler)
                        let done = channel.eventLoop.makePromise(of: Void.self)
                        handshake.withLock { $0 = done.futureResult }
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(promise: done, timeout: timeout))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ExportResponseHandler())
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.connect(host: url.host, port: url.port).wait()
        } catch {
            throw DeliveryFailure(message: "cannot connect to \(url.masked): \(OTLPHTTPClient.connectReason(error))", retryable: true)
        }
        defer { channel.close(promise: nil) }
        // The request is written once TLS is up: a handshake that fails before the write (a plain
        // http server answering) is reported as the TLS failure it is, not as a missing response.
        if let done = handshake.withLock({ $0 }) {
            do {
                try done.wait()
            } catch {
                throw DeliveryFailure(message: "\(url.masked): \(Self.describe(error))", retryable: true)
            }
        }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: url.path)
        head.headers.add(name: "Host", value: url.hostHeader)
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "User-Agent", value: "govtop")
        head.headers.add(name: "Connection", value: "close")
        var buffer = channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        let answer = PendingExport(head: head, body: buffer, timeout: timeout, promise: channel.eventLoop.makePromise())
            .send(on: channel)
        let response: RawResponse
        do {
            response = try answer.wait()
        } catch {
            throw DeliveryFailure(message: "\(url.masked): \(Self.describe(error))", retryable: true)
        }
        let code = Int(response.head.status.code)
        guard (200..<300).contains(code) else {
            let contentType = response.head.headers.first(name: "Content-Type")?.lowercased() ?? ""
            throw DeliveryFailure.status(code, ResponseBody.failureMessage(response.body, contentType: contentType))
        }
    }

    /// A failed exchange in a person's words; a TLS failure names BoringSSL's reason
    /// (`CERTIFICATE_VERIFY_FAILED`, `WRONG_VERSION_NUMBER`, ...) rather than its whole error value.
    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        guard text.contains("handshakeFailed") else { return text }
        let reason = text.components(separatedBy: "OPENSSL_internal:").dropFirst().first?
            .prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        return "the TLS handshake failed" + (reason.map { $0.isEmpty ? "" : " (\($0))" } ?? "")
    }
}
