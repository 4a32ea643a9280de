/// The five data point messages, and the packed repeated fields histograms carry.
extension MetricsRequestDecoder {
    func decodeNumberPoint(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> NumberPoint {
        var point = NumberPoint()
        try allowance.reserve(reader.fieldCount(7), in: &point.attributes)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 2: point.startTimeUnixNano = try reader.readFixed64(tag)
            case 3: point.timeUnixNano = try reader.readFixed64(tag)
            case 4: point.value = .double(Double(bitPattern: try reader.readFixed64(tag)))
            case 6: point.value = .int(Int64(bitPattern: try reader.readFixed64(tag)))
            case 7: point.attributes.append(try values.decodeKeyValue(tag, &reader, depth: 1))
            case 8: point.flags = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            default: try reader.skip(tag)
            }
        }
        return point
    }

    func decodeHistogramPoint(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> HistogramPoint {
        var point = HistogramPoint()
        try allowance.reserve(reader.fieldCount(9), in: &point.attributes)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 2: point.startTimeUnixNano = try reader.readFixed64(tag)
            case 3: point.timeUnixNano = try reader.readFixed64(tag)
            case 4: point.count = try reader.readFixed64(tag)
            case 5: point.sum = Double(bitPattern: try reader.readFixed64(tag))
            case 6: try appendFixed64(tag, &reader, to: &point.bucketCounts) { $0 }
            case 7: try appendFixed64(tag, &reader, to: &point.explicitBounds) { Double(bitPattern: $0) }
            case 9: point.attributes.append(try values.decodeKeyValue(tag, &reader, depth: 1))
            case 10: point.flags = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 11: point.min = Double(bitPattern: try reader.readFixed64(tag))
            case 12: point.max = Double(bitPattern: try reader.readFixed64(tag))
            default: try reader.skip(tag)
            }
        }
        return point
    }

    func decodeExponentialPoint(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> ExponentialHistogramPoint {
        var point = ExponentialHistogramPoint()
        try allowance.reserve(reader.fieldCount(1), in: &point.attributes)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: point.attributes.append(try values.decodeKeyValue(tag, &reader, depth: 1))
            case 2: point.startTimeUnixNano = try reader.readFixed64(tag)
            case 3: point.timeUnixNano = try reader.readFixed64(tag)
            case 4: point.count = try reader.readFixed64(tag)
            case 5: point.sum = Double(bitPattern: try reader.readFixed64(tag))
            case 6: point.scale = Self.zigZag32(try reader.readVarint(tag))
            case 7: point.zeroCount = try reader.readFixed64(tag)
            case 8:
                var message = try reader.readMessage(tag, as: .buckets)
                try decodeBuckets(&message, into: &point.positive)
            case 9:
                var message = try reader.readMessage(tag, as: .buckets)
                try decodeBuckets(&message, into: &point.negative)
            case 10: point.flags = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            case 12: point.min = Double(bitPattern: try reader.readFixed64(tag))
            case 13: point.max = Double(bitPattern: try reader.readFixed64(tag))
            case 14: point.zeroThreshold = Double(bitPattern: try reader.readFixed64(tag))
            default: try reader.skip(tag)
            }
        }
        return point
    }

    func decodeSummaryPoint(_ reader: inout ProtoReader) throws(OTLPDecodeError) -> SummaryPoint {
        var point = SummaryPoint()
        let counts = reader.fieldCounts(7, 6, 0)
        try allowance.reserve(counts.0, in: &point.attributes)
        try allowance.reserve(counts.1, in: &point.quantiles)
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 2: point.startTimeUnixNano = try reader.readFixed64(tag)
            case 3: point.timeUnixNano = try reader.readFixed64(tag)
            case 4: point.count = try reader.readFixed64(tag)
            case 5: point.sum = Double(bitPattern: try reader.readFixed64(tag))
            case 6:
                var message = try reader.readMessage(tag, as: .quantile)
                var quantile = QuantileValue(quantile: 0, value: 0)
                while let field = try message.nextTag() {
                    switch field.number {
                    case 1: quantile.quantile = Double(bitPattern: try message.readFixed64(field))
                    case 2: quantile.value = Double(bitPattern: try message.readFixed64(field))
                    default: try message.skip(field)
                    }
                }
                point.quantiles.append(quantile)
            case 7: point.attributes.append(try values.decodeKeyValue(tag, &reader, depth: 1))
            case 8: point.flags = UInt32(truncatingIfNeeded: try reader.readVarint(tag))
            default: try reader.skip(tag)
            }
        }
        return point
    }

    /// Merges a `Buckets` message, as protobuf merges a singular message field given twice.
    private func decodeBuckets(_ reader: inout ProtoReader, into buckets: inout ExponentialBuckets) throws(OTLPDecodeError) {
        while let tag = try reader.nextTag() {
            switch tag.number {
            case 1: buckets.offset = Self.zigZag32(try reader.readVarint(tag))
            case 2:
                guard tag.wireType == .lengthDelimited else {
                    try allowance.append(try reader.readVarint(tag), to: &buckets.bucketCounts)
                    continue
                }
                // Packed: count the varints (bytes below 0x80 end one) before allocating.
                let range = try reader.readLengthDelimited(tag)
                var ends = 0
                for offset in range where reader.byte(at: offset) < 0x80 { ends += 1 }
                try allowance.reserve(ends, in: &buckets.bucketCounts)
                var packed = ProtoReader(base: reader.base, position: range.lowerBound, end: range.upperBound,
                                         message: .buckets, maxGroupDepth: reader.maxGroupDepth)
                let element = ProtoFieldTag(number: tag.number, wireType: .varint, offset: tag.offset)
                while !packed.isAtEnd { buckets.bucketCounts.append(try packed.readVarint(element)) }
            default: try reader.skip(tag)
            }
        }
    }

    /// A repeated `fixed64` or `double` field, packed (the proto3 default) or one value per tag.
    private func appendFixed64<Element>(
        _ tag: ProtoFieldTag, _ reader: inout ProtoReader, to array: inout [Element], _ convert: (UInt64) -> Element
    ) throws(OTLPDecodeError) {
        guard tag.wireType == .lengthDelimited else {
            try allowance.append(convert(try reader.readFixed64(tag)), to: &array)
            return
        }
        let range = try reader.readLengthDelimited(tag)
        guard range.count % 8 == 0 else {
            throw OTLPDecodeError("packed field \(tag.number) of \(reader.message.name) at byte \(tag.offset) is \(range.count) bytes long, not a multiple of 8")
        }
        try allowance.reserve(range.count / 8, in: &array)
        var packed = ProtoReader(base: reader.base, position: range.lowerBound, end: range.upperBound,
                                 message: reader.message, maxGroupDepth: reader.maxGroupDepth)
        let element = ProtoFieldTag(number: tag.number, wireType: .fixed64, offset: tag.offset)
        while !packed.isAtEnd { array.append(convert(try packed.readFixed64(element))) }
    }

    /// `sint32` on the wire: zig-zag encoded, in a varint.
    static func zigZag32(_ varint: UInt64) -> Int32 {
        let raw = UInt32(truncatingIfNeeded: varint)
        return Int32(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}
