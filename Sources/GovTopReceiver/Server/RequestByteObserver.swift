import NIOCore

/// Placed before the HTTP decoder: tells the connection handler (`RequestBytesArrived`) that bytes
/// arrived, which the decoder alone would only reveal once a request head is complete. The first
/// byte of a request starts the deadline for its head.
final class RequestByteObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if unwrapInboundIn(data).readableBytes > 0 {
            context.fireUserInboundEventTriggered(RequestBytesArrived())
        }
        context.fireChannelRead(data)
    }
}

/// Bytes arrived on the connection (sent ahead of them through the pipeline).
struct RequestBytesArrived: Sendable {}
