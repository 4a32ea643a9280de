import Glibc
import Foundation

/// A blocking HTTP/1.1 client over a POSIX socket, so tests control every byte sent
/// (bad methods, lying Content-Lengths, partial requests) and read responses exactly.
/// Every read has a timeout, so a server that fails to answer fails the test instead of hanging it.
/// Used by one thread at a time; `@unchecked Sendable` only so a test can hand it from one blocking step to the next.
final class HTTPTestClient: @unchecked Sendable {
    struct ClientError: Error, CustomStringConvertible {
        var description: String
    }

    private var descriptor: Int32
    private var buffered: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 10) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClientError(description: "socket() failed: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(descriptor)
            throw ClientError(description: "connect to port \(port) failed: errno \(errno)")
        }
    }

    deinit {
        if descriptor >= 0 { Glibc.close(descriptor) }
    }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written < 0, errno == EINTR { continue }  // a signal (a child process's SIGCHLD) is no failure
            guard written > 0 else { throw ClientError(description: "send failed after \(offset) bytes: errno \(errno)") }
            offset += written
        }
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Sends a request: `Content-Length` is added unless `headers` has one or says chunked.
    func send(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws {
        try send(Self.request(method, path, headers: headers, body: body))
    }

    /// Sends a request and reads its response.
    func exchange(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) throws -> TestResponse {
        try send(method, path, headers: headers, body: body)
        return try readResponse()
    }

    static func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = []) -> [UInt8] {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let names = headers.map { $0.0.lowercased() }
        if !names.contains("content-length") && !names.contains("transfer-encoding") {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + body
    }

    /// Sends bytes and reports whether the socket took them (false once the server has closed it).
    func trySend(_ bytes: [UInt8]) -> Bool {
        (try? send(bytes)) != nil
    }

    /// True when the server has closed (or reset) the connection, without waiting; unread
    /// response bytes are left in place.
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        let count = recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if count == 0 { return true }
        return count < 0 && errno != EAGAIN && errno != EWOULDBLOCK
    }

    /// Reads one response; its body length comes from Content-Length (the server always sends
    /// one), except for the answer to a HEAD request (`bodyExpected: false`), which has none.
    func readResponse(bodyExpected: Bool = true) throws -> TestResponse {
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = Self.find([13, 10, 13, 10], in: buffered).map { $0 + 4 }
            if headerEnd == nil { try fill() }
        }
        guard let end = headerEnd else { throw ClientError(description: "no header end") }
        let headText = String(decoding: buffered[..<end], as: UTF8.self)
        var lines = headText.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw ClientError(description: "bad status line in \(headText)")
        }
        let headers: [(String, String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        buffered.removeFirst(end)
        if (100..<200).contains(status) || !bodyExpected { return TestResponse(status: status, headers: headers, body: []) }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        while buffered.count < length { try fill() }
        let body = Array(buffered[..<length])
        buffered.removeFirst(length)
        return TestResponse(status: status, headers: headers, body: body)
    }

    /// True when the server closed (or reset) the connection within the receive timeout;
    /// data that arrives first is skipped.
    func waitForClose() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    private func fill() throws {
        var scratch = [UInt8](repeating: 0, count: 65_536)
        var count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        // A signal (a command sink's child exiting sends SIGCHLD) interrupts a blocking recv.
        while count < 0, errno == EINTR { count = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) } }
        if count == 0 { throw ClientError(description: "connection closed by the server") }
        if count < 0 { throw ClientError(description: "recv failed: errno \(errno)") }
        buffered.append(contentsOf: scratch[..<count])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
