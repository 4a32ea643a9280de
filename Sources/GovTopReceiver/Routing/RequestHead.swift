import NIOHTTP1

/// The parts of an HTTP request head that decide how it is handled.
struct RequestHead: Sendable, Equatable {
    var method: String
    /// The request target as sent: path plus optional `?query`.
    var uri: String
    var contentType: String?
    var contentEncoding: String?
    var contentLength: Int?
    /// The `Authorization` header, checked against the bearer token (`AccessControl`).
    var authorization: String?
    /// All header fields (decide, issue 15: the decision endpoint reads the scope from them).
    var fields: HTTPHeaders = HTTPHeaders()

    init(method: String, uri: String, contentType: String? = nil, contentEncoding: String? = nil, contentLength: Int? = nil,
         authorization: String? = nil) {
        self.method = method
        self.uri = uri
        self.contentType = contentType
        self.contentEncoding = contentEncoding
        self.contentLength = contentLength
        self.authorization = authorization
    }

    var path: Substring {
        uri.firstIndex(of: "?").map { uri[..<$0] } ?? uri[...]
    }

    var query: Substring {
        uri.firstIndex(of: "?").map { uri[uri.index(after: $0)...] } ?? ""
    }
}
