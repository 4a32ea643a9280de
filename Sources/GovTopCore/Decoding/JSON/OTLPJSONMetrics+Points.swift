/// The five OTLP/JSON data point messages. Repeated numbers (`bucketCounts`, `explicitBounds`)
/// follow proto3 JSON: 64-bit integers as numbers or decimal strings, doubles as numbers or
/// "NaN"/"Infinity" strings.
extension OTLPJSONValues {
    private typealias Tables = OTLPJSONMetrics.Tables

    mutating func numberPoint(_ reader: inout JSONReader) throws(OTLPDecodeError) -> NumberPoint {
        var point = NumberPoint()
        let message = "NumberDataPoint"
        try reader.readObject(message, table: Tables.numberPoint) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .attributes: try appendAttributes(&reader, to: &point.attributes, field: "attributes", of: message)
            case .start: point.startTimeUnixNano = try reader.readUInt64Field("startTimeUnixNano", of: message)
            case .time: point.timeUnixNano = try reader.readUInt64Field("timeUnixNano", of: message)
            case .asDouble: point.value = .double(try reader.readDoubleField("asDouble", of: message))
            case .asInt: point.value = .int(try reader.readInt64Field("asInt", of: message))
            case .flags: point.flags = try reader.readUInt32Field("flags", of: message)
            }
        }
        return point
    }

    mutating func histogramPoint(_ reader: inout JSONReader) throws(OTLPDecodeError) -> HistogramPoint {
        var point = HistogramPoint()
        let message = "HistogramDataPoint"
        try reader.readObject(message, table: Tables.histogramPoint) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .attributes: try appendAttributes(&reader, to: &point.attributes, field: "attributes", of: message)
            case .start: point.startTimeUnixNano = try reader.readUInt64Field("startTimeUnixNano", of: message)
            case .time: point.timeUnixNano = try reader.readUInt64Field("timeUnixNano", of: message)
            case .count: point.count = try reader.readUInt64Field("count", of: message)
            case .sum: point.sum = try reader.readDoubleField("sum", of: message)
            case .bucketCounts: try appendUInt64s(&reader, to: &point.bucketCounts, field: "bucketCounts", of: message)
            case .explicitBounds:
                try reader.readArray("explicitBounds", of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    try allowance.append(try reader.readDoubleField("explicitBounds", of: message), to: &point.explicitBounds)
                }
            case .min: point.min = try reader.readDoubleField("min", of: message)
            case .max: point.max = try reader.readDoubleField("max", of: message)
            case .flags: point.flags = try reader.readUInt32Field("flags", of: message)
            }
        }
        return point
    }

    mutating func exponentialPoint(_ reader: inout JSONReader) throws(OTLPDecodeError) -> ExponentialHistogramPoint {
        var point = ExponentialHistogramPoint()
        let message = "ExponentialHistogramDataPoint"
        try reader.readObject(message, table: Tables.exponentialPoint) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .attributes: try appendAttributes(&reader, to: &point.attributes, field: "attributes", of: message)
            case .start: point.startTimeUnixNano = try reader.readUInt64Field("startTimeUnixNano", of: message)
            case .time: point.timeUnixNano = try reader.readUInt64Field("timeUnixNano", of: message)
            case .count: point.count = try reader.readUInt64Field("count", of: message)
            case .sum: point.sum = try reader.readDoubleField("sum", of: message)
            case .scale: point.scale = try readInt32(&reader, "scale", of: message)
            case .zeroCount: point.zeroCount = try reader.readUInt64Field("zeroCount", of: message)
            case .positive: try buckets(&reader, into: &point.positive, field: "positive")
            case .negative: try buckets(&reader, into: &point.negative, field: "negative")
            case .flags: point.flags = try reader.readUInt32Field("flags", of: message)
            case .min: point.min = try reader.readDoubleField("min", of: message)
            case .max: point.max = try reader.readDoubleField("max", of: message)
            case .zeroThreshold: point.zeroThreshold = try reader.readDoubleField("zeroThreshold", of: message)
            }
        }
        return point
    }

    mutating func summaryPoint(_ reader: inout JSONReader) throws(OTLPDecodeError) -> SummaryPoint {
        var point = SummaryPoint()
        let message = "SummaryDataPoint"
        try reader.readObject(message, table: Tables.summaryPoint) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
            switch field {
            case .attributes: try appendAttributes(&reader, to: &point.attributes, field: "attributes", of: message)
            case .start: point.startTimeUnixNano = try reader.readUInt64Field("startTimeUnixNano", of: message)
            case .time: point.timeUnixNano = try reader.readUInt64Field("timeUnixNano", of: message)
            case .count: point.count = try reader.readUInt64Field("count", of: message)
            case .sum: point.sum = try reader.readDoubleField("sum", of: message)
            case .quantileValues:
                try reader.readArray("quantileValues", of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
                    var quantile = QuantileValue(quantile: 0, value: 0)
                    try reader.readObject("ValueAtQuantile", table: Tables.quantile) { (reader: inout JSONReader, field) throws(OTLPDecodeError) in
                        switch field {
                        case .quantile: quantile.quantile = try reader.readDoubleField("quantile", of: "ValueAtQuantile")
                        case .value: quantile.value = try reader.readDoubleField("value", of: "ValueAtQuantile")
                        }
                    }
                    try allowance.append(quantile, to: &point.quantiles)
                }
            case .flags: point.flags = try reader.readUInt32Field("flags", of: message)
            }
        }
        return point
    }

    private func buckets(_ reader: inout JSONReader, into buckets: inout ExponentialBuckets, field: String) throws(OTLPDecodeError) {
        let message = "ExponentialHistogramDataPoint.Buckets"
        try reader.readObject(message, table: Tables.buckets) { (reader: inout JSONReader, member) throws(OTLPDecodeError) in
            switch member {
            case .offset: buckets.offset = try readInt32(&reader, "offset", of: message)
            case .bucketCounts: try appendUInt64s(&reader, to: &buckets.bucketCounts, field: "bucketCounts", of: message)
            }
        }
    }

    private func appendUInt64s(_ reader: inout JSONReader, to array: inout [UInt64], field: String, of message: String) throws(OTLPDecodeError) {
        try reader.readArray(field, of: message) { (reader: inout JSONReader) throws(OTLPDecodeError) in
            try allowance.append(try reader.readUInt64Field(field, of: message), to: &array)
        }
    }

    private func readInt32(_ reader: inout JSONReader, _ field: String, of message: String) throws(OTLPDecodeError) -> Int32 {
        let start = reader.offset
        let value = try reader.readInt64Field(field, of: message)
        guard let narrow = Int32(exactly: value) else {
            throw reader.error("field '\(field)' of \(message) is out of range for a 32-bit integer", at: start)
        }
        return narrow
    }
}
