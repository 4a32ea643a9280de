import CZlib

/// Why a compressed body could not be inflated.
enum InflateError: Error, Sendable, Equatable {
    /// The inflated body would exceed the limit (a gzip bomb, or just too much data).
    case tooLarge(limit: Int)
    /// The data is not valid for the encoding; the text is zlib's reason.
    case corrupt(String)
    /// `reserve` refused room for the output to grow (the in-flight memory budget is full).
    case noRoom
}

/// Inflates gzip and deflate bodies with a hard bound on the output.
///
/// The output grows in steps and its capacity never exceeds `limit`, however small the input:
/// a gzip bomb fails with `.tooLarge` once `limit` bytes have been produced, having allocated
/// at most `limit` bytes plus a fixed scratch buffer. Each growth of the output is first asked
/// of `reserve` (with the bytes it adds), so the output can be counted in a shared budget; a
/// refusal ends the inflation with `.noRoom`.
enum BoundedInflater {
    static let chunkSize = 64 * 1024

    static func inflate(_ input: UnsafeRawBufferPointer, encoding: ContentEncoding, limit: Int,
                        reserve: (Int) -> Bool = { _ in true }) throws(InflateError) -> [UInt8] {
        switch encoding {
        case .identity:
            guard input.count <= limit else { throw .tooLarge(limit: limit) }
            guard reserve(input.count) else { throw .noRoom }
            return Array(input)
        case .gzip:
            return try run(input, windowBits: 16 + 15, allowsConcatenation: true, limit: limit, reserve: reserve)
        case .deflate:
            return try run(input, windowBits: hasZlibHeader(input) ? 15 : -15, allowsConcatenation: false, limit: limit,
                           reserve: reserve)
        }
    }

    /// RFC 1950: compression method 8 in the low nibble and a header checksum divisible by 31.
    static func hasZlibHeader(_ input: UnsafeRawBufferPointer) -> Bool {
        guard input.count >= 2 else { return false }
        let cmf = UInt16(input[0])
        let flg = UInt16(input[1])
        return cmf & 0x0F == 8 && cmf >> 4 <= 7 && (cmf << 8 | flg) % 31 == 0
    }

    private static func run(_ input: UnsafeRawBufferPointer, windowBits: Int32, allowsConcatenation: Bool,
                            limit: Int, reserve: (Int) -> Bool) throws(InflateError) -> [UInt8] {
        guard let base = input.baseAddress, input.count > 0 else { return [] }
        var stream = z_stream()
        guard govtop_inflateInit2(&stream, windowBits) == Z_OK else {
            throw .corrupt("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: chunkSize)
        var consumed = 0
        let bytes = base.assumingMemoryBound(to: UInt8.self)

        while true {
            if stream.avail_in == 0 && consumed < input.count {
                let step = min(input.count - consumed, Int(UInt32.max >> 1))
                stream.next_in = UnsafeMutablePointer(mutating: bytes + consumed)
                stream.avail_in = UInt32(step)
                consumed += step
            }
            let status = scratch.withUnsafeMutableBufferPointer { buffer -> Int32 in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                return CZlib.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunkSize - Int(stream.avail_out)
            if produced > 0 {
                try append(scratch[0..<produced], to: &output, limit: limit, reserve: reserve)
            }
            switch status {
            case Z_STREAM_END:
                let remaining = Int(stream.avail_in) + (input.count - consumed)
                guard remaining > 0 else { return output }
                guard allowsConcatenation else {
                    throw .corrupt("\(remaining) bytes of trailing data after the compressed stream")
                }
                guard inflateReset(&stream) == Z_OK else { throw .corrupt("zlib could not be reset") }
            case Z_OK:
                continue
            case Z_BUF_ERROR where produced == 0:
                throw .corrupt("compressed data is truncated")
            case Z_BUF_ERROR:
                continue
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corrupt(reason)
            }
        }
    }

    /// Appends while keeping the capacity within `limit`: growth doubles but is capped there.
    private static func append(_ chunk: ArraySlice<UInt8>, to output: inout [UInt8], limit: Int,
                               reserve: (Int) -> Bool) throws(InflateError) {
        let needed = output.count + chunk.count
        guard needed <= limit else { throw .tooLarge(limit: limit) }
        if needed > output.capacity {
            let capacity = min(limit, max(needed, output.capacity * 2, chunkSize))
            guard reserve(capacity - output.capacity) else { throw .noRoom }
            output.reserveCapacity(capacity)
        }
        output.append(contentsOf: chunk)
    }
}
