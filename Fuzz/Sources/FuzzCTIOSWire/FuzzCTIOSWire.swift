import CTIOSWire
import NIOCore

/// libFuzzer entry point for the CTI OS wire decoders.
///
/// Input layout: a byte stream of frames (the corpus holds valid frames). The same bytes are decoded three ways:
/// - as a stream, frame after frame, with the frame decoder;
/// - as one frame whose length field is ignored: byte 4 is the kind and the rest the body, so that a mutated
///   length does not hide the body from the body decoders;
/// - from byte 5 on as one Arguments encoding.
///
/// Properties checked (a violation traps, which libFuzzer reports as a crash): decoding never crashes and never
/// reads past the input (AddressSanitizer); whatever decodes re-encodes, and the re-encoding decodes to the same
/// message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCTIOSWire(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let input = UnsafeBufferPointer(start: start, count: count)

    var stream = ByteBuffer(bytes: input)
    while let message = try? WireFrameDecoder.nextMessage(from: &stream) {
        checkRoundTrip(message)
    }

    if count >= 5 {
        let body = ByteBuffer(bytes: input[5...])
        if let message = try? WireMessage.decode(kind: input[4], body: body) {
            checkRoundTrip(message)
        }
        if let arguments = try? ArgumentsCodec.decode(body) {
            guard let encoded = try? ArgumentsCodec.encoded(arguments) else {
                fatalError("decoded Arguments do not encode")
            }
            guard let again = try? ArgumentsCodec.decode(encoded) else {
                fatalError("re-encoded Arguments do not decode")
            }
            precondition(again == arguments, "decode(encode(a)) != a")
        }
    }
    return 0
}

private func checkRoundTrip(_ message: WireMessage) {
    guard var encoded = try? message.encoded() else {
        fatalError("\(message.kind): a decoded message does not encode")
    }
    guard let again = try? WireFrameDecoder.nextMessage(from: &encoded) else {
        fatalError("\(message.kind): the re-encoded message does not decode")
    }
    precondition(again == message, "\(message.kind): decode(encode(m)) != m")
    precondition(encoded.readableBytes == 0, "\(message.kind): the re-encoded frame has bytes left over")
}
