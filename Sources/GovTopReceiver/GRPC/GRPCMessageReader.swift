import NIOCore

/// Collects the one request message of a unary gRPC call from the DATA frames of its stream:
/// a 5-byte prefix (compressed flag, 32-bit big-endian length), then the message.
///
/// A message announced larger than `limit` is refused as soon as its prefix is read, before any
/// of it is buffered; the buffer grows only as bytes arrive, never from the announced length.
struct GRPCMessageReader {
    /// Why the request's message cannot be read.
    enum Failure: Error, Equatable {
        /// The prefix announces more than `limit` bytes.
        case tooLarge(length: Int, limit: Int)
        /// The compressed flag is neither 0 nor 1.
        case badFlag(UInt8)
        /// Bytes followed the message: a unary call carries exactly one.
        case secondMessage
        /// The stream ended inside the prefix or the message.
        case truncated(received: Int, expected: Int?)
        /// The stream ended without a message.
        case noMessage
    }

    /// A complete message.
    struct Message {
        var compressed: Bool
        var bytes: ByteBuffer
    }

    static let prefixLength = 5

    let limit: Int
    private var prefix: [UInt8] = []
    private var compressed = false
    private var length: Int?
    private var message = ByteBuffer()

    init(limit: Int) {
        self.limit = limit
    }

    /// Bytes of the stream taken so far (prefix and message).
    var bufferedBytes: Int { prefix.count + message.readableBytes }

    mutating func append(_ chunk: ByteBuffer) throws(Failure) {
        var chunk = chunk
        while chunk.readableBytes > 0 {
            guard let length else {
                let take = min(Self.prefixLength - prefix.count, chunk.readableBytes)
                prefix += chunk.readBytes(length: take) ?? []
                if prefix.count == Self.prefixLength { try readPrefix() }
                continue
            }
            let missing = length - message.readableBytes
            guard missing > 0 else { throw .secondMessage }
            var slice = chunk.readSlice(length: min(missing, chunk.readableBytes)) ?? ByteBuffer()
            if message.readableBytes == 0 && slice.readableBytes == length {
                message = slice
            } else {
                if message.capacity == 0 { message.reserveCapacity(min(length, 64 << 10)) }
                message.writeBuffer(&slice)
            }
        }
    }

    /// The message, once the stream has ended.
    func finish() throws(Failure) -> Message {
        guard let length else {
            throw prefix.isEmpty ? .noMessage : .truncated(received: prefix.count, expected: nil)
        }
        guard message.readableBytes == length else {
            throw .truncated(received: message.readableBytes, expected: length)
        }
        return Message(compressed: compressed, bytes: message)
    }

    private mutating func readPrefix() throws(Failure) {
        guard prefix[0] <= 1 else { throw .badFlag(prefix[0]) }
        let announced = prefix[1...4].reduce(0) { $0 << 8 | Int($1) }
        guard announced <= limit else { throw .tooLarge(length: announced, limit: limit) }
        compressed = prefix[0] == 1
        length = announced
    }
}
