import GovTopCore

/// What a decoded batch must survive: encoded by each of govtop's encoders, decoded by the
/// matching decoder and encoded again, it gives the same bytes (the encoders are canonical, so a
/// NaN attribute compares equal to itself).
public enum RoundTrip {
    public static func check(_ batch: TraceBatch, limits: DecodeLimits) {
        let protobuf = OTLPProtobufEncoder.encode(batch)
        decodesBack(protobuf, as: "protobuf", encodedAgain: OTLPProtobufEncoder.encode) { bytes throws(OTLPDecodeError) in
            try OTLPProtobufDecoder.decodeTraces(bytes, limits: limits)
        }
        // Compared as JSON: JSON spells every NaN `"NaN"`, so a NaN's payload bits (kept by the
        // protobuf round trip above) cannot survive it, and need not.
        decodesBack(OTLPJSONEncoder.encode(batch), as: "JSON", encodedAgain: OTLPJSONEncoder.encode) { bytes throws(OTLPDecodeError) in
            try OTLPJSONDecoder.decodeTraces(bytes, limits: limits)
        }
    }

    /// `encoded` decodes, and encodes again to the same bytes.
    private static func decodesBack(_ encoded: [UInt8], as format: String, encodedAgain: (TraceBatch) -> [UInt8],
                                    decode: ([UInt8]) throws(OTLPDecodeError) -> TraceBatch) {
        let decoded: TraceBatch
        do {
            decoded = try decode(encoded)
        } catch {
            FuzzCheck.fail("a decoded batch, encoded as \(format), does not decode again: \(error)")
        }
        FuzzCheck.require(encodedAgain(decoded) == encoded, "a decoded batch changes through a \(format) encode and decode")
    }
}
