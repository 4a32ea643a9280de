import NIOHTTP1

extension RequestHead {
    /// The parts of a head NIO's HTTP/1.1 decoder produced that routing looks at. A
    /// `Content-Length` that is not a plain number counts as absent (NIO has rejected a
    /// malformed one already; the body is then bounded as it arrives).
    init(_ head: HTTPRequestHead) {
        self.init(
            method: head.method.rawValue, uri: head.uri,
            contentType: head.headers.first(name: "content-type"),
            contentEncoding: head.headers.first(name: "content-encoding"),
            contentLength: head.headers.first(name: "content-length").flatMap { Int($0) },
            authorization: head.headers.first(name: "authorization"))
        fields = head.headers
    }
}
