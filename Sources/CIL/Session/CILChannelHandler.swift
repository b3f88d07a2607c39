import CTIOSWire
import NIOCore

/// The one handler of a session's socket: splits the bytes into frames, decodes them, and hands every frame of one
/// read to the session at once (one pass through the session per read, not per frame). Bytes that do not decode
/// are reported once; the session closes the socket.
final class CILChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let session: Session
    private let connection: ConnectionID
    private var buffer: ByteBuffer?
    private var messages: [WireMessage] = []
    private var failed = false

    init(session: Session, connection: ConnectionID) {
        self.session = session
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        var bytes = unwrapInboundIn(data)
        if buffer == nil || buffer!.readableBytes == 0 {
            buffer = bytes
        } else {
            buffer!.writeBuffer(&bytes)
        }
        do {
            while let message = try WireFrameDecoder.nextMessage(from: &buffer!) { messages.append(message) }
        } catch {
            failed = true
            deliver()
            session.inbound(protocolError: "\(error)", on: connection)
            return
        }
        if buffer!.readableBytes == 0 {
            buffer = nil
        } else if buffer!.readerIndex > 64 * 1024 {
            buffer!.discardReadBytes()
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        deliver()
    }

    private func deliver() {
        guard !messages.isEmpty else { return }
        session.inbound(messages, on: connection)
        messages.removeAll(keepingCapacity: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deliver()
        session.inbound(closedOn: connection)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A socket error ends the connection; channelInactive follows.
        context.close(promise: nil)
    }
}
