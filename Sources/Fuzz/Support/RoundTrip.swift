import GovTopCore

/// What a decoded batch must survive: encoded again by govtop's encoders and decoded by either
/// decoder, it is the same batch. Compared as encoded bytes (the encoders are canonical), so a
/// NaN attribute compares equal to itself.
public enum RoundTrip {
    public static func check(_ batch: TraceBatch, limits: DecodeLimits) {
        let protobuf = OTLPProtobufEncoder.encode(batch)
        let fromProtobuf: TraceBatch
        do {
            fromProtobuf = try OTLPProtobufDecoder.decodeTraces(protobuf, limits: limits)
        } catch {
            FuzzCheck.fail("a decoded batch, encoded as protobuf, does not decode again: \(error)")
        }
        FuzzCheck.require(OTLPProtobufEncoder.encode(fromProtobuf) == protobuf,
                          "a decoded batch changes through a protobuf encode and decode")

        let json = OTLPJSONEncoder.encode(batch)
        let fromJSON: TraceBatch
        do {
            fromJSON = try OTLPJSONDecoder.decodeTraces(json, limits: limits)
        } catch {
            FuzzCheck.fail("a decoded batch, encoded as JSON, does not decode again: \(error)")
        }
        // Compared as JSON: JSON spells every NaN `"NaN"`, so a NaN's payload bits (kept by the
        // protobuf round trip above) cannot survive it, and need not.
        FuzzCheck.require(OTLPJSONEncoder.encode(fromJSON) == json,
                          "a decoded batch changes through a JSON encode and decode")
    }
}
