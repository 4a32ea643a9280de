extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for a decoder's entry point: the body's `OTLPDecodeError` comes out
    /// typed (the standard library's version rethrows it as `any Error`). The decoders' `[UInt8]`
    /// overloads all go through here.
    func withDecodeBuffer<Result>(
        _ body: (UnsafeRawBufferPointer) throws(OTLPDecodeError) -> Result
    ) throws(OTLPDecodeError) -> Result {
        let outcome: Swift.Result<Result, OTLPDecodeError> = withUnsafeBytes { buffer in
            do throws(OTLPDecodeError) { return .success(try body(buffer)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }
}
