import GED188
import NIOCore

/// libFuzzer entry point for the GED-188 decoders.
///
/// Input layout: 2 bytes choose the message type (big-endian; a type with no decoder is mapped onto the catalogue,
/// so every registered decoder is reached), the rest is the body. The same bytes are also fed to the frame splitter
/// as a raw stream. Properties checked (a violation traps, which libFuzzer reports as a crash):
/// - decoding never crashes and never reads past the input;
/// - whatever decodes and re-encodes, decodes again to the same message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGED188(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count >= 2 else { return 0 }
    let input = UnsafeBufferPointer(start: start, count: count)
    let entries = MessageCatalog.entries
    var type = MessageType(rawValue: UInt32(input[0]) << 8 | UInt32(input[1]))
    if MessageCatalog.entry(for: type) == nil {
        type = entries[Int(type.rawValue) % entries.count].type
    }
    checkRoundTrip(type: type, body: ByteBuffer(bytes: input[2...]))

    var stream = ByteBuffer(bytes: input)
    while let frame = try? GED188FrameDecoder.nextFrame(from: &stream) {
        checkRoundTrip(type: frame.type, body: frame.body)
    }
    return 0
}

private func checkRoundTrip(type: MessageType, body: ByteBuffer) {
    guard let message = try? GED188Message(type: type, body: body) else { return }
    guard var encoded = try? message.encoded() else { return }
    guard let again = try? GED188Message.decode(from: &encoded) else {
        fatalError("\(type): re-encoded message does not decode")
    }
    precondition(again == message, "\(type): decode(encode(m)) != m")
}
