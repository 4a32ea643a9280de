import FuzzSupport
import NIOCore
import NIOEmbedded
import NIOHTTP1

/// libFuzzer entry point for the HTTP/1.1 request parser as govtop configures it (NIO's decoder
/// with pipelining assistance and protocol error handling) and govtop's router on every head it
/// yields. The bytes are what a client sends on one connection. They are fed twice, once in a
/// single read and once in small reads, and both connections must see the same requests: how the
/// network splits bytes must not change what a request means (a split that does is a way to
/// smuggle one request past another).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPRequest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: size > 0 ? data : nil, count: size)
    let whole = serve(bytes, readSize: max(size, 1))
    let readSize = size % 7 + 1
    let split = serve(bytes, readSize: readSize)
    FuzzCheck.require(whole == split, """
        the requests seen depend on how the bytes are split into reads of \(readSize):
        in one read:  \(whole.events)
        split:        \(split.events)
        """)
    return 0
}

private func serve(_ bytes: UnsafeRawBufferPointer, readSize: Int) -> RequestLog {
    let recorder = RouteRecorder()
    let channel = EmbeddedChannel()
    do {
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
        try channel.pipeline.syncOperations.addHandler(recorder)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 4318)).wait()
    } catch {
        FuzzCheck.fail("the HTTP pipeline could not be set up: \(error)")
    }
    var offset = 0
    while offset < bytes.count, channel.isActive {
        let end = min(offset + readSize, bytes.count)
        var buffer = channel.allocator.buffer(capacity: end - offset)
        buffer.writeBytes(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
        offset = end
        do {
            try channel.writeInbound(buffer)
        } catch {
            break  // the error handler answered 400 and closed; the recorder logged the error
        }
        while let _ = try? channel.readOutbound(as: ByteBuffer.self) {}
    }
    _ = try? channel.finish(acceptAlreadyClosed: true)
    return recorder.log
}
