import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 client that POSTs OTLP/HTTP exports to one host over one keep-alive
/// connection (`HTTPConnection`), reconnecting when the connection breaks or the server closes it.
///
/// Meant for one sender at a time (the demo driver and the replay send their batches in order); an export started
/// while another waits fails with `connectionLost`. Every attempt ends: with a reply, or an
/// `ExportFailure` after the connect or response timeout.
public final class OTLPHTTPClient: Sendable {
    public let endpoint: OTLPEndpoint
    private let responseTimeout: TimeAmount
    private let connection: HTTPConnection

    public init(endpoint: OTLPEndpoint, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                connectTimeout: Duration = .seconds(5), responseTimeout: Duration = .seconds(10)) {
        self.endpoint = endpoint
        self.responseTimeout = TimeAmount(responseTimeout)
        connection = HTTPConnection(host: endpoint.host, port: endpoint.port, display: endpoint.description, group: group,
                                    connectTimeout: TimeAmount(connectTimeout))
    }

    /// Sends `body` and waits for the answer: by default an OTLP/protobuf
    /// `ExportTraceServiceRequest` to the endpoint's path; `path` and `contentType` send another
    /// signal or encoding to the same host (`ExportContent`).
    public func export(_ body: [UInt8], path: String? = nil,
                       contentType: ExportContent = .protobuf) async throws(ExportFailure) -> ExportReply {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: path ?? endpoint.path)
        head.headers.add(name: "Host", value: endpoint.hostHeader)
        head.headers.add(name: "Content-Type", value: contentType.rawValue)
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "User-Agent", value: "govtop")
        return try Self.reply(try await connection.send(head, body: body, timeout: responseTimeout))
    }

    /// Closes the connection, if one is open.
    public func close() async {
        await connection.close()
    }

    static func reply(_ response: RawResponse) throws(ExportFailure) -> ExportReply {
        let code = Int(response.head.status.code)
        let contentType = response.head.headers.first(name: "Content-Type")?.lowercased() ?? ""
        guard (200..<300).contains(code) else {
            var message = ResponseBody.failureMessage(response.body, contentType: contentType)
            if message.isEmpty { message = response.head.status.reasonPhrase }
            let retryAfter = response.head.headers.first(name: "Retry-After").flatMap { Double($0.trimmingWhitespace()) }
            throw .status(code: code, message: message, retryAfterSeconds: retryAfter.flatMap { $0 >= 0 && $0.isFinite ? $0 : nil })
        }
        let partial = ResponseBody.partialSuccess(response.body, contentType: contentType)
        return ExportReply(status: code, rejected: partial.rejected, message: partial.message)
    }

    /// NIO's connect errors, shortened to what a person needs.
    package static func connectReason(_ error: any Error) -> String {
        if let connect = error as? NIOConnectionError {
            if let first = connect.connectionErrors.first { return connectReason(first.error) }
            if connect.dnsAError != nil || connect.dnsAAAAError != nil { return "the host name did not resolve" }
            return "\(connect)"
        }
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused (is the receiver running?)"
            case ENETUNREACH, EHOSTUNREACH: return "the network or host is unreachable"
            case ETIMEDOUT: return "the connection timed out"
            default: return io.description
            }
        }
        if error is ChannelError, case .connectTimeout = error as? ChannelError { return "the connection timed out" }
        return "\(error)"
    }
}
