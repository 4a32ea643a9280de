import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Calls one running govtop's JSON API (`govtop attach`): GET and POST over one keep-alive
/// connection (`HTTPConnection`), TLS for `https://` URLs, `Authorization: Bearer …` when given a
/// token. Answers are bounded (`maxBodyBytes`); a larger one is an error, not a truncated read.
public final class GovTopAPIClient: Sendable {
    public let url: GovTopURL
    /// The most bytes of one answer read (a trace list of 1000 rows is about 0.5 MiB).
    public static let maxBodyBytes = 16 << 20
    private let token: String?
    private let responseTimeout: TimeAmount
    private let connection: HTTPConnection

    /// `tls` is used for `https://` URLs (system trust store unless it names a CA file); throws
    /// when its CA file cannot be read.
    public init(url: GovTopURL, token: String? = nil, tls: TLSSettings = TLSSettings(),
                group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                connectTimeout: Duration = .seconds(2), responseTimeout: Duration = .seconds(5)) throws(TLSSetupError) {
        self.url = url
        self.token = token
        self.responseTimeout = TimeAmount(responseTimeout)
        let context = url.https ? try tls.makeContext() : nil
        connection = HTTPConnection(host: url.host, port: url.port, display: url.description,
                                    tls: context, group: group, connectTimeout: TimeAmount(connectTimeout))
    }

    /// `GET path` (e.g. `/api/v1/summary`); the body of a 2xx answer.
    public func get(_ path: String) async throws(APIFailure) -> [UInt8] {
        try await call(.GET, path)
    }

    /// `POST path` with an empty body; the body of a 2xx answer.
    public func post(_ path: String) async throws(APIFailure) -> [UInt8] {
        try await call(.POST, path)
    }

    public func close() async {
        await connection.close()
    }

    private func call(_ method: HTTPMethod, _ path: String) async throws(APIFailure) -> [UInt8] {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: url.pathPrefix + path)
        head.headers.add(name: "Host", value: url.hostHeader)
        head.headers.add(name: "Accept", value: "application/json")
        head.headers.add(name: "User-Agent", value: "govtop-attach")
        if method == .POST { head.headers.add(name: "Content-Length", value: "0") }
        if let token { head.headers.add(name: "Authorization", value: "Bearer \(token)") }
        let response: RawResponse
        do {
            response = try await connection.send(head, timeout: responseTimeout, maxBodyBytes: Self.maxBodyBytes + 1)
        } catch {
            switch error {
            case .tls(let reason): throw .tls(url: url.description, reason: reason)
            case .connect(_, let reason): throw .unreachable(url: url.description, reason: reason)
            // A govtop that serves https closes a plain connection without a word: say what that may mean.
            case .connectionLost where !url.https:
                throw .unreachable(url: url.description, reason: error.description + "; if it serves https, give an https:// URL")
            default: throw .unreachable(url: url.description, reason: error.description)
            }
        }
        let code = Int(response.head.status.code)
        if code == 401 { throw .unauthorized(url: url.description, tokenSent: token != nil) }
        guard (200..<300).contains(code) else {
            let contentType = response.head.headers.first(name: "Content-Type")?.lowercased() ?? ""
            throw .status(url: url.description, path: path, code: code,
                          message: ResponseBody.failureMessage(response.body, contentType: contentType))
        }
        guard !response.truncated, response.body.count <= Self.maxBodyBytes else {
            throw .tooLarge(url: url.description, path: path, limit: Self.maxBodyBytes)
        }
        return response.body
    }
}
