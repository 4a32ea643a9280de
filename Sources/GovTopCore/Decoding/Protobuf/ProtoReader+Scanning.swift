/// Whole-message walks that do not materialize values.
extension ProtoReader {
    /// How often each of three field numbers occurs in the rest of this message, used as a
    /// capacity hint before decoding. Never throws: it stops at the first malformed field and
    /// leaves the error to the decoding pass, which reports it properly.
    ///
    /// Fields with a one-byte tag and a scalar or a length below 16 KiB (nearly all of OTLP) are
    /// stepped over in a tight loop on the bytes; at the first other field, the general reader
    /// takes over from there, so the counts are the same either way.
    func fieldCounts(_ first: Int, _ second: Int, _ third: Int) -> (Int, Int, Int) {
        var counts = (0, 0, 0)
        func count(_ number: Int) {
            if number == first { counts.0 += 1 } else if number == second { counts.1 += 1 } else if number == third { counts.2 += 1 }
        }
        var offset = position
        simple: while offset < end {
            let tag = byte(at: offset)
            guard tag < 0x80, tag >= 8 else { break } // a longer tag, or field number 0
            var next = offset &+ 1
            switch tag & 7 {
            case 0: // varint: at most ten bytes, the last below 0x80
                let limit = min(end, next &+ 10)
                while next < limit, byte(at: next) >= 0x80 { next &+= 1 }
                guard next < limit else { break simple }
                next &+= 1
            case 1: next &+= 8
            case 5: next &+= 4
            case 2: // a length of one or two bytes, then that many bytes
                guard next < end else { break simple }
                var length = Int(byte(at: next))
                next &+= 1
                if length >= 0x80 {
                    guard next < end, byte(at: next) < 0x80 else { break simple }
                    length = length & 0x7F | Int(byte(at: next)) << 7
                    next &+= 1
                }
                next &+= length
            default: break simple // groups and invalid wire types
            }
            guard next <= end else { break }
            count(Int(tag >> 3))
            offset = next
        }
        var scanner = ProtoReader(base: base, position: offset, end: end, message: message, maxGroupDepth: maxGroupDepth)
        while let tag = try? scanner.nextTag() {
            count(tag.number)
            guard (try? scanner.skip(tag)) != nil else { break }
        }
        return counts
    }

    /// How often one field number occurs in the rest of this message (see `fieldCounts`).
    func fieldCount(_ number: Int) -> Int {
        fieldCounts(number, 0, 0).0
    }

    /// Reads every remaining field of this message without interpreting it, so that framing
    /// errors inside (bad tags, lengths past the end, unterminated groups) are reported.
    mutating func skipRemainingFields() throws(OTLPDecodeError) {
        while let tag = try nextTag() {
            try skip(tag)
        }
    }

    /// Calls `body` with a reader for each embedded message in field `number`, skipping other fields.
    mutating func forEachMessage(
        field number: Int, as kind: ProtoMessageKind,
        _ body: (inout ProtoReader) throws(OTLPDecodeError) -> Void
    ) throws(OTLPDecodeError) {
        while let tag = try nextTag() {
            if tag.number == number {
                var message = try readMessage(tag, as: kind)
                try body(&message)
            } else {
                try skip(tag)
            }
        }
    }
}
