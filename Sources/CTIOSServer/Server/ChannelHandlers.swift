import CTIOSWire
import GED188
import NIOCore

/// One CIL connection: frames in, to the server; malformed input, closes and back-pressure, to the server.
final class ClientHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WireMessage

    let server: ObjectServer
    let client: ClientID

    init(server: ObjectServer, client: ClientID) {
        self.server = server
        self.client = client
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        server.received(unwrapInboundIn(data), from: client)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        server.readComplete(from: client)
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is WireError || error is ByteToMessageDecoderError {
            server.receivedMalformed(error, from: client)
        } else {
            // A socket error (reset, broken pipe): the connection is gone.
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.closed(client)
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if !context.channel.isWritable { server.tooSlow(client) }
        context.fireChannelWritabilityChanged()
    }
}

/// The connection to the CTI Server: frames in, to the server's link; its end, to the link.
final class CTIHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = GED188Frame

    let server: ObjectServer
    let generation: UInt64

    init(server: ObjectServer, generation: UInt64) {
        self.server = server
        self.generation = generation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        server.ctiReceived(unwrapInboundIn(data), generation: generation)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        server.ctiReadComplete(generation: generation)
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        server.ctiFailed(generation: generation)
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.ctiClosed(generation: generation)
        context.fireChannelInactive()
    }
}
