/// Whole-message walks that do not materialize values.
extension ProtoReader {
    /// How often each of three field numbers occurs in the rest of this message, used as a
    /// capacity hint before decoding. Never throws: it stops at the first malformed field and
    /// leaves the error to the decoding pass, which reports it properly.
    func fieldCounts(_ first: Int, _ second: Int, _ third: Int) -> (Int, Int, Int) {
        var scanner = self
        var counts = (0, 0, 0)
        while let tag = try? scanner.nextTag() {
            if tag.number == first { counts.0 += 1 } else if tag.number == second { counts.1 += 1 } else if tag.number == third { counts.2 += 1 }
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
