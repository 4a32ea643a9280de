import GovTopClient
import GovTopCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// POSTs a JSON body to a sink's URL through govtop's HTTP client connection (`HTTPConnection`,
/// TLS with a verified certificate for `https`): one connection per attempt (notifications are
/// rare; a fresh connection cannot be a stale one), and the sink's timeout for connecting (TLS
/// handshake included) and for the answer.
final class HTTPTransport: NotificationTransport {
    let url: NotificationURL
    private let group: any EventLoopGroup
    private let timeout: TimeAmount
    private let tls: NIOSSLContext?

    init(url: NotificationURL, timeoutSeconds: Double, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        self.url = url
        self.group = group
        timeout = .nanoseconds(Int64(max(0.001, min(timeoutSeconds, 3600)) * 1e9))
        tls = url.isTLS ? try TLSSettings().makeContext() : nil
    }

    func deliver(_ body: [UInt8]) throws(DeliveryFailure) {
        let connection = HTTPConnection(host: url.host, port: url.port, display: url.masked, tls: tls, group: group,
                                        connectTimeout: timeout)
        let head = requestHead(contentLength: body.count)
        let timeout = timeout
        // The sink's own thread waits here; the exchange runs on the event loop and the task pool.
        let exchange = group.any().makeFutureWithTask { () async -> Result<RawResponse, ExportFailure> in
            let result: Result<RawResponse, ExportFailure>
            do throws(ExportFailure) {
                result = .success(try await connection.send(head, body: body, timeout: timeout))
            } catch {
                result = .failure(error)
            }
            await connection.close()
            return result
        }
        let result: Result<RawResponse, ExportFailure>
        do {
            result = try exchange.wait()
        } catch {
            result = .failure(.connectionLost(reason: "\(error)")) // the event loop group is shutting down
        }
        let response: RawResponse
        switch result {
        case .success(let answer): response = answer
        case .failure(let failure):
            if case .connect = failure { throw DeliveryFailure(message: failure.description, retryable: true) }
            throw DeliveryFailure(message: "\(url.masked): \(Self.describe(failure))", retryable: true)
        }
        let code = Int(response.head.status.code)
        guard (200..<300).contains(code) else {
            let contentType = response.head.headers.first(name: "Content-Type")?.lowercased() ?? ""
            throw DeliveryFailure.status(code, ResponseBody.failureMessage(response.body, contentType: contentType))
        }
    }

    private func requestHead(contentLength: Int) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: url.path)
        head.headers.add(name: "Host", value: url.hostHeader)
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: String(contentLength))
        head.headers.add(name: "User-Agent", value: "govtop")
        head.headers.add(name: "Connection", value: "close")
        return head
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
