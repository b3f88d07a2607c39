import GED188
import NIOCore
import Testing

/// Inputs the fuzzer found (Scripts/fuzz-ged188.sh), kept as regression tests. Each checks what the fuzzer
/// checks: decoding does not crash, and whatever decodes and re-encodes decodes to the same message.
struct FuzzRegressionTests {
    /// Runs one fuzzer input the way Fuzz/Sources/FuzzGED188 does.
    static func check(_ hex: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let input = try #require(HexBytes(hex: hex)).bytes
        let entries = MessageCatalog.entries
        var type = MessageType(rawValue: UInt32(input[0]) << 8 | UInt32(input[1]))
        if MessageCatalog.entry(for: type) == nil { type = entries[Int(type.rawValue) % entries.count].type }
        try roundTrip(type: type, body: ByteBuffer(bytes: input[2...]), sourceLocation: sourceLocation)
        var stream = ByteBuffer(bytes: input)
        while let frame = try? GED188FrameDecoder.nextFrame(from: &stream) {
            try roundTrip(type: frame.type, body: frame.body, sourceLocation: sourceLocation)
        }
    }

    static func roundTrip(type: MessageType, body: ByteBuffer, sourceLocation: SourceLocation) throws {
        guard let message = try? GED188Message(type: type, body: body), var encoded = try? message.encoded() else { return }
        let again = try GED188Message.decode(from: &encoded)
        #expect(again == message, "\(type): decode(encode(m)) differs", sourceLocation: sourceLocation)
    }

    /// CONFIG_SERVICE_EVENT whose records repeat RecordType inside one record.
    @Test func configRecordsWithRepeatedFields() throws {
        try Self.check("""
            00eb000102b70002000200f000040000000385b800040000000400d5000405000000018100040000000600ad00037639007286000376390000ae00040000000b00ae00040000000b00ae00047631320030d800040000000405000000018100040000000600ad00037639007286000376390000ae00040000000b00ae00040000000b00ae00047631320030d800040000ba020f00000e000000ffffffffffffffc2bb00080000000f0000001000bc00ba020f00000e000000bb00080000000f0000001000bc000400100011
            """)
    }
}
