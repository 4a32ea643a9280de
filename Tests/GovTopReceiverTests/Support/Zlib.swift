import CZlib

/// Compresses test bodies with zlib's deflate, in the three framings HTTP senders use.
enum Zlib {
    enum Framing {
        case gzip
        case zlib
        case raw

        var windowBits: Int32 {
            switch self {
            case .gzip: 16 + 15
            case .zlib: 15
            case .raw: -15
            }
        }
    }

    static func compress(_ input: [UInt8], _ framing: Framing, level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        precondition(govtop_deflateInit2(&stream, level, framing.windowBits) == Z_OK)
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            var status = Z_OK
            while status != Z_STREAM_END {
                status = scratch.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return deflate(&stream, Z_FINISH)
                }
                output.append(contentsOf: scratch[..<(scratch.count - Int(stream.avail_out))])
            }
        }
        return output
    }

    /// `size` zero bytes compressed without holding them in memory at once: a decompression bomb.
    static func bomb(decompressedSize: Int, _ framing: Framing = .gzip) -> [UInt8] {
        var stream = z_stream()
        precondition(govtop_deflateInit2(&stream, 9, framing.windowBits) == Z_OK)
        defer { deflateEnd(&stream) }
        var zeros = [UInt8](repeating: 0, count: 1 << 20)
        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var remaining = decompressedSize
        repeat {
            let step = min(remaining, zeros.count)
            remaining -= step
            let flush = remaining == 0 ? Z_FINISH : Z_NO_FLUSH
            zeros.withUnsafeMutableBufferPointer { source in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(step)
                repeat {
                    _ = scratch.withUnsafeMutableBufferPointer { buffer in
                        stream.next_out = buffer.baseAddress
                        stream.avail_out = UInt32(buffer.count)
                        return deflate(&stream, flush)
                    }
                    output.append(contentsOf: scratch[..<(scratch.count - Int(stream.avail_out))])
                } while stream.avail_out == 0
            }
        } while remaining > 0
        return output
    }
}
