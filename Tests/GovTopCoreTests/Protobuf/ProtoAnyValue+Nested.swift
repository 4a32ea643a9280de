import OTLPProto

extension ProtoAnyValue {
    /// The string "x" inside `depth` single-element arrays: a value nested past the decoders'
    /// `DecodeLimits().maxValueDepth` when `depth` exceeds it.
    static func nestedArrays(depth: Int) -> ProtoAnyValue {
        var value = ProtoAnyValue()
        value.stringValue = "x"
        for _ in 0..<depth {
            var outer = ProtoAnyValue()
            outer.arrayValue.values = [value]
            value = outer
        }
        return value
    }
}
