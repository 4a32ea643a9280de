/// A complete response, built away from the event loop and written in one go.
struct HTTPResponse: Sendable, Equatable {
    var status: Int
    var contentType: String
    var body: [UInt8]
    /// Headers beyond Content-Type and Content-Length, e.g. `Allow` on a 405.
    var extraHeaders: [(String, String)] = []
    /// The connection must close after this response (the request body was not read to its end).
    var closesConnection = false

    init(status: Int, contentType: String, body: [UInt8], extraHeaders: [(String, String)] = [], closesConnection: Bool = false) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.extraHeaders = extraHeaders
        self.closesConnection = closesConnection
    }

    static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.contentType == rhs.contentType && lhs.body == rhs.body
            && lhs.closesConnection == rhs.closesConnection
            && lhs.extraHeaders.elementsEqual(rhs.extraHeaders) { $0 == $1 }
    }
}
