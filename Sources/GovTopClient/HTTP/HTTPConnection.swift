import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// One keep-alive HTTP/1.1 connection to one host (plain, or TLS with a verified certificate),
/// opened on first use and again after it broke or the server closed it. One request at a time:
/// one started while another waits fails with `connectionLost`. Every request ends: with a
/// response, or an `ExportFailure` after the connect (TLS handshake included) or response timeout.
///
/// Shared by the OTLP exporter (`OTLPHTTPClient`) and `govtop attach` (`GovTopAPIClient`). The
/// notification sinks do not use it: they wait from threads of their own, which must not depend on
/// the task pool (see GovTopNotify's `HTTPTransport`).
final class HTTPConnection: Sendable {
    let host: String
    let port: Int
    /// Shown in connect errors, e.g. `http://127.0.0.1:4318/v1/traces`.
    let display: String
    private let tls: NIOSSLContext?
    private let group: any EventLoopGroup
    private let connectTimeout: TimeAmount
    private let channel = Mutex<(any Channel)?>(nil)

    init(host: String, port: Int, display: String, tls: NIOSSLContext? = nil, group: any EventLoopGroup,
                 connectTimeout: TimeAmount) {
        self.host = host
        self.port = port
        self.display = display
        self.tls = tls
        self.group = group
        self.connectTimeout = connectTimeout
    }

    /// Sends the request and waits for its whole response.
    func send(_ head: HTTPRequestHead, body: [UInt8] = [], timeout: TimeAmount,
              maxBodyBytes: Int = ExportResponseHandler.maxBodyBytes) async throws(ExportFailure) -> RawResponse {
        var attempt = 0
        while true {
            attempt += 1
            let (channel, reused) = try await connection()
            var buffer = channel.allocator.buffer(capacity: body.count)
            buffer.writeBytes(body)
            let answer = PendingExport(head: head, body: buffer, timeout: timeout, maxBodyBytes: maxBodyBytes,
                                       promise: channel.eventLoop.makePromise()).send(on: channel)
            let response: RawResponse
            do {
                response = try await answer.get()
            } catch {
                drop(channel)
                let failure = (error as? ExportFailure) ?? .connectionLost(reason: "\(error)")
                // A kept-alive connection the server closed before the request left: nothing was sent, so once more on a new one.
                if reused, attempt == 1, case .connectionLost(let reason) = failure, reason.hasPrefix(PendingExport.notSent) { continue }
                throw failure
            }
            if !response.head.isKeepAlive { drop(channel) }
            return response
        }
    }

    /// Closes the connection, if one is open.
    func close() async {
        let open = channel.withLock { channel in
            defer { channel = nil }
            return channel
        }
        try? await open?.close()
    }

    /// The open connection (`reused`), or a new one.
    private func connection() async throws(ExportFailure) -> (channel: any Channel, reused: Bool) {
        if let open = channel.withLock({ $0 }), open.isActive { return (open, true) }
        let tls = self.tls
        let connectTimeout = self.connectTimeout
        // SNI and the certificate's host name; an IP address is checked against the certificate's IP entries instead.
        let serverName = tls == nil || Self.isIPAddress(host) ? nil : host
        let handshake = Mutex<EventLoopFuture<Void>?>(nil)
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        let done = channel.eventLoop.makePromise(of: Void.self)
                        handshake.withLock { $0 = done.futureResult }
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(promise: done, timeout: connectTimeout))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(ExportResponseHandler())
                }
            }
        let opened: any Channel
        do {
            opened = try await bootstrap.connect(host: host, port: port).get()
        } catch {
            throw .connect(endpoint: display, reason: OTLPHTTPClient.connectReason(error))
        }
        if let done = handshake.withLock({ $0 }) {
            do {
                try await done.get()
            } catch {
                opened.close(promise: nil)
                throw (error as? ExportFailure) ?? .tls(reason: TLSSettings.reason(error))
            }
        }
        let previous = channel.withLock { channel in
            defer { channel = opened }
            return channel
        }
        previous?.close(promise: nil)
        return (opened, false)
    }

    /// Forgets `broken` (if it is still the current connection) and closes it.
    private func drop(_ broken: any Channel) {
        channel.withLock { channel in
            if channel === broken { channel = nil }
        }
        broken.close(promise: nil)
    }

    static func isIPAddress(_ host: String) -> Bool {
        host.contains(":") || (!host.isEmpty && host.allSatisfy { $0 == "." || $0.isASCII && $0.isNumber })
    }
}
