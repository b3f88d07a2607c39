import GED188
import NIOCore
import Testing

/// One GED-188 message written by hand from Cisco's guide (protocol version 24), and the typed message it must be.
///
/// The bytes are never produced by our encoder: each vector is typed field by field from the layout tables in
/// `/work/notes/ged188-core-layouts.md` (which quote the guide) and `/work/shared/GED188-FACTS.md`.
struct MessageVector: Sendable, CustomTestStringConvertible {
    /// Cisco's message name and what the vector shows, for test output.
    let name: String
    let hex: HexVector
    /// Built by hand with the struct's memberwise initialiser.
    let expected: GED188Message
    /// The byte (header included) the coverage twin changes: by default the low byte of the first body field
    /// (InvokeID, MonitorID, Status, PeripheralID and the like, all UINT). A vector whose first body field is not a
    /// UINT the message keeps (CONFIG_BEGIN_EVENT's USHORT ConfigType; the configuration record events' NumRecords,
    /// derived from the records) names the low byte of a UINT that it keeps.
    var changedByteOffset: Int = 8 + 3

    var testDescription: String { name }

    /// Checks the vector both ways and returns the decoded body for field-by-field checks:
    /// - decoding the bytes gives exactly `expected`, and consumes exactly the one message;
    /// - encoding `expected` (through the enum and through the body) gives exactly the bytes (compared as
    ///   `HexBytes`, so that a failure prints hex).
    @discardableResult
    func check<Body: GED188MessageBody>(
        as _: Body.Type, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Body {
        #expect(expected.type == Body.messageType, "expected message has the wrong type", sourceLocation: sourceLocation)

        var buffer = hex.buffer
        let frame = try GED188Message.decode(from: &buffer)
        let decoded = try #require(frame, "the vector is not one whole message", sourceLocation: sourceLocation)
        #expect(buffer.readableBytes == 0, "bytes left after the message", sourceLocation: sourceLocation)
        #expect(decoded == expected, "decoding the vector", sourceLocation: sourceLocation)

        let encoded = try expected.encoded()
        #expect(HexBytes(Array(encoded.readableBytesView)) == HexBytes(hex.bytes), "encoding the expected message",
                sourceLocation: sourceLocation)
        let expectedBody = try #require(expected.body as? Body, sourceLocation: sourceLocation)
        let bodyEncoded = try expectedBody.encoded()
        #expect(HexBytes(Array(bodyEncoded.readableBytesView)) == HexBytes(hex.bytes), "encoding the expected body",
                sourceLocation: sourceLocation)

        return try #require(decoded.body as? Body, "decoded as \(decoded.type)", sourceLocation: sourceLocation)
    }

    /// The vector's bytes with the byte at `offset` (header included) replaced by `byte`.
    func replacing(byteAt offset: Int, with byte: UInt8) -> [UInt8] {
        var bytes = hex.bytes
        bytes[offset] = byte
        return bytes
    }
}

/// Decodes one whole message from `bytes`.
func decodeMessage(_ bytes: [UInt8]) throws -> GED188Message? {
    var buffer = ByteBuffer(bytes: bytes)
    return try GED188Message.decode(from: &buffer)
}

extension MessageVector {
    /// Every hand-written vector, so that the coverage and twin tests can walk them all.
    static let all: [MessageVector] = session + agentAndSystem + callEvents + callPartiesAndQueues + callData
        + controlRequests + controlCallSetupRequests + controlConfs
        + snapshots + statistics + supervisor + configuration
}
