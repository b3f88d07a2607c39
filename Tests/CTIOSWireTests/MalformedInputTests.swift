@testable import CTIOSWire
import NIOCore
import Testing

/// Bad input is a typed error naming what was wrong and where (offsets count from the frame's first byte, so the
/// body starts at offset 5), never a crash, never a read past the input, never an echo of a value.
struct MalformedInputTests {
    /// Decodes one frame made of a kind and a body.
    static func decodeFrame(kind: UInt8, body: [UInt8], limits: WireLimits = .default) throws(WireError) -> WireMessage? {
        var buffer = ByteBuffer()
        buffer.writeInteger(UInt32(body.count + 1))
        buffer.writeInteger(kind)
        buffer.writeBytes(body)
        return try WireFrameDecoder.nextMessage(from: &buffer, limits: limits)
    }

    static func expectError(
        kind: UInt8, body: [UInt8], limits: WireLimits = .default,
        _ code: WireError.Code, at offset: Int, field: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: WireError.self, sourceLocation: sourceLocation) {
            try decodeFrame(kind: kind, body: body, limits: limits)
        }
        #expect(error?.code == code, sourceLocation: sourceLocation)
        #expect(error?.offset == offset, sourceLocation: sourceLocation)
        if let field { #expect(error?.field == field, sourceLocation: sourceLocation) }
    }

    @Test func truncatedFields() {
        // caughtUp: the epoch's varint has its "more" bit set and nothing follows.
        Self.expectError(kind: 0x24, body: [0x80], .truncated, at: 5, field: "epoch")
        // caughtUp: the epoch and no sequence.
        Self.expectError(kind: 0x24, body: [0x01], .truncated, at: 6, field: "sequence")
        // response: no outcome byte.
        Self.expectError(kind: 0x13, body: [0x07], .truncated, at: 6, field: "outcome")
        // request: the Arguments count is missing.
        Self.expectError(kind: 0x12, body: [0x01, 0x00], .truncated, at: 7, field: "arguments count")
    }

    @Test func lengthsThatRunPastTheEnd() {
        // hello: clientName announces 3 bytes, 1 follows.
        Self.expectError(kind: 0x01, body: [0x01, 0x01, 0x03, 0x63], .overrun, at: 7, field: "clientName")
        // request: 100 entries announced, none follow.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x64], .overrun, at: 7, field: "arguments count")
        // batch: 3 changes announced in 4 bytes (each needs at least 2).
        Self.expectError(kind: 0x20, body: [0, 0, 0, 3, 3, 0, 3, 0], .overrun, at: 8, field: "changes count")
        // A key of 20 bytes with 2 left.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x28, 0x61, 0x62], .overrun, at: 8, field: "arguments key")
    }

    @Test func nestingDeeperThanSixteen() {
        // requestID 1, method "", then 16 sets each holding "a" = the next set: the 17th set's tag is refused.
        let body: [UInt8] = [0x01, 0x00] + Array(repeating: [0x01, 0x02, 0x61, 0x05], count: 16).flatMap { $0 }
        Self.expectError(kind: 0x12, body: body, .tooDeep, at: 5 + 2 + 15 * 4 + 3, field: "nested value")
        // The same with arrays: a set holding an array of arrays …
        let arrays: [UInt8] = [0x01, 0x00, 0x01, 0x02, 0x61] + Array(repeating: [0x06, 0x01], count: 16).flatMap { $0 }
        Self.expectError(kind: 0x12, body: arrays, .tooDeep, at: 5 + 5 + 15 * 2)
        // … and 16 deep is fine (a set, 14 arrays, an empty set).
        let deepest: [UInt8] = [0x01, 0x00, 0x01, 0x02, 0x61] + Array(repeating: [0x06, 0x01], count: 14).flatMap { $0 }
            + [0x05, 0x00]
        #expect(throws: Never.self) { try Self.decodeFrame(kind: 0x12, body: deepest) }
        // A smaller configured depth is kept too.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x02, 0x61, 0x05, 0x00],
                         limits: WireLimits(maximumDepth: 1), .tooDeep, at: 10)
    }

    @Test func kindsAndFrameLengths() throws {
        Self.expectError(kind: 0x7F, body: [], .unknownKind, at: 4, field: "kind")
        Self.expectError(kind: 0x00, body: [1, 2, 3], .unknownKind, at: 4)
        var empty = ByteBuffer(bytes: [0, 0, 0, 0])
        let emptyError = #expect(throws: WireError.self) { try WireFrameDecoder.nextMessage(from: &empty) }
        #expect(emptyError?.code == .emptyFrame)
        #expect(emptyError?.offset == 0)
        // The length field alone is enough to refuse an oversized frame.
        var header = ByteBuffer(bytes: [0x00, 0x10, 0x00, 0x01])  // 1 MiB + 1
        let error = #expect(throws: WireError.self) { try WireFrameDecoder.nextMessage(from: &header) }
        #expect(error?.code == .frameTooLarge)
        #expect(error?.offset == 0)
        // Exactly 1 MiB is allowed: the decoder waits for it.
        var largest = ByteBuffer(bytes: [0x00, 0x10, 0x00, 0x00])
        #expect(try WireFrameDecoder.nextMessage(from: &largest) == nil)
    }

    @Test func invalidUTF8() {
        // reject: code 1, a 2-byte reason that is not UTF-8.
        Self.expectError(kind: 0x03, body: [0x01, 0x02, 0xFF, 0xFE], .invalidUTF8, at: 7, field: "reason")
        // A lone continuation byte in a key.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x02, 0x80, 0x03], .invalidUTF8, at: 9,
                         field: "arguments key")
        // An encoded surrogate (U+D800) in a string value.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x03, 0x02, 0x03, 0xED, 0xA0, 0x80], .invalidUTF8,
                         at: 11, field: "string value")
    }

    @Test func wrongTags() {
        // Value tags 0 and 7 are not types.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x03, 0x07], .unknownValueTag, at: 9, field: "value tag")
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x03, 0x00], .unknownValueTag, at: 9)
        // A change tag of 9.
        Self.expectError(kind: 0x20, body: [0x00, 0x00, 0x00, 0x01, 0x09, 0x00], .invalidTag, at: 9, field: "change tag")
        // An outcome byte of 2; a presence byte of 2.
        Self.expectError(kind: 0x13, body: [0x01, 0x02], .invalidTag, at: 6, field: "outcome")
        Self.expectError(kind: 0x01, body: [0x01, 0x01, 0x00, 0x00, 0x02], .invalidTag, at: 9, field: "resume present")
    }

    @Test func numbersOutOfRange() {
        // A varint of 10 bytes whose last byte carries more than the 64th bit; one of 11 bytes.
        Self.expectError(kind: 0x24, body: Array(repeating: 0xFF, count: 9) + [0x02, 0x00], .invalidVarint, at: 5)
        Self.expectError(kind: 0x24, body: Array(repeating: 0xFF, count: 11), .invalidVarint, at: 5)
        // The largest 64-bit varint is fine.
        #expect(throws: Never.self) {
            try Self.decodeFrame(kind: 0x24, body: Array(repeating: 0xFF, count: 9) + [0x01, 0x00])
        }
        // A request id of 2^32.
        Self.expectError(kind: 0x11, body: [0x80, 0x80, 0x80, 0x80, 0x10, 0x00], .valueOutOfRange, at: 5,
                         field: "requestID")
        // A reject code of 2^16.
        Self.expectError(kind: 0x03, body: [0x80, 0x80, 0x04, 0x00], .valueOutOfRange, at: 5, field: "code")
        // hello: no versions; version 0.
        Self.expectError(kind: 0x01, body: [0x00, 0x00, 0x00, 0x00], .valueOutOfRange, at: 5, field: "versions count")
        Self.expectError(kind: 0x01, body: [0x01, 0x00, 0x00, 0x00, 0x00], .valueOutOfRange, at: 6, field: "version")
        // welcome: version 0.
        Self.expectError(kind: 0x02, body: [0x00, 0x00, 0x00, 0x00, 0x00, 0x00], .valueOutOfRange, at: 5)
    }

    @Test func keys() {
        // Keyword number 999 (header 1999 = cf 0f) and keyword number 0 (header 1) are not in the table.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0xCF, 0x0F, 0x03], .unknownKeyword, at: 8)
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x01, 0x03], .unknownKeyword, at: 8)
        // A keyword number over 16 bits.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x81, 0x80, 0x08, 0x03], .unknownKeyword, at: 8)
        // AgentID as number 3, then " agentid" as text: the same key twice.
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x02, 0x07, 0x03, 0x10] + Array(" agentid".utf8) + [0x03],
                         .duplicateKey, at: 10, field: "arguments key")
        // A removed key that is an unknown keyword.
        Self.expectError(kind: 0x20, body: [0, 0, 0, 1, 2, 0, 0, 1, 0xFF, 0x0F], .unknownKeyword, at: 13,
                         field: "removed key")
    }

    @Test func limits() {
        // 10,001 entries (varint 91 4e).
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x91, 0x4E], .tooManyElements, at: 7)
        // 33 versions.
        Self.expectError(kind: 0x01, body: [0x21] + Array(repeating: 0x01, count: 33) + [0, 0, 0], .tooManyElements,
                         at: 5)
        // A configured string limit of 4 bytes: a 5-byte reason and a 5-byte key.
        let small = WireLimits(maximumStringLength: 4)
        Self.expectError(kind: 0x05, body: [0x01, 0x05] + Array("hello".utf8), limits: small, .stringTooLong, at: 6)
        Self.expectError(kind: 0x12, body: [0x01, 0x00, 0x01, 0x0A] + Array("hello".utf8) + [0x03], limits: small,
                         .stringTooLong, at: 8)
        // A string whose length is over the default limit, whatever follows.
        Self.expectError(kind: 0x05, body: [0x01, 0x80, 0x80, 0x04], .stringTooLong, at: 6)
    }

    @Test func trailingBytes() {
        Self.expectError(kind: 0x04, body: [0x00], .trailingBytes, at: 5)
        Self.expectError(kind: 0x24, body: [0x01, 0x02, 0x03, 0x04], .trailingBytes, at: 7)
    }

    /// Errors name fields and offsets; the values around them never appear.
    @Test func errorsNeverEchoValues() {
        let secret = Array("hunter2-secret".utf8)
        // An AgentPassword value, then a bad tag.
        let body: [UInt8] = [0x01, 0x05] + Array("Login".utf8) + [0x02, 0x81, 0x01, 0x02, UInt8(secret.count)]
            + secret + [0x08, 0x61, 0x62, 0x63, 0x64, 0x09]
        let error = #expect(throws: WireError.self) { try Self.decodeFrame(kind: 0x12, body: body) }
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("unknown value tag"))
        #expect(text.contains("offset"))
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("abcd"))
        #expect(!text.contains("Login"))
        // Invalid UTF-8 is not echoed either (not even its bytes in hex).
        let utf8 = #expect(throws: WireError.self) {
            try Self.decodeFrame(kind: 0x03, body: [0x01, 0x04, 0x41, 0x42, 0xFF, 0x43])
        }
        #expect(!(utf8.map(String.init(describing:)) ?? "AB").contains("AB"))
    }

    /// Every sample frame, truncated at every length and with bytes changed at random: decoding either fails with a
    /// WireError or gives a message that re-encodes and decodes to itself (what the fuzzer checks, in small).
    @Test func mutatedFramesNeverCrash() throws {
        var random = SeededRandom(seed: 188)
        for message in Samples.everyKind {
            let frame = try message.encoded().bytes
            for cut in 0 ..< frame.count {
                var buffer = ByteBuffer(bytes: frame[..<cut])
                #expect(try WireFrameDecoder.nextMessage(from: &buffer) == nil)
                #expect(buffer.readableBytes == cut)
                // The same cut as a body: every field boundary gets tried.
                _ = try? WireMessage.decode(kind: message.kind.rawValue, body: ByteBuffer(bytes: frame[5 ..< max(5, cut)]))
            }
            for _ in 0 ..< 300 {
                var mutated = frame
                for _ in 0 ..< Int.random(in: 1 ... 3, using: &random) {
                    let index = Int.random(in: 4 ..< mutated.count, using: &random)
                    mutated[index] = UInt8.random(in: 0 ... 255, using: &random)
                }
                var buffer = ByteBuffer(bytes: mutated)
                guard let decoded = try? WireFrameDecoder.nextMessage(from: &buffer) else { continue }
                var again = try decoded.encoded()
                #expect(try WireFrameDecoder.nextMessage(from: &again) == decoded)
            }
        }
    }
}

/// The decoder's own UTF-8 check agrees with the standard library's on random bytes and on the classic edge cases.
struct UTF8ValidationTests {
    static func agree(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            UTF8Validation.isValid(buffer) == (String(validating: buffer, as: UTF8.self) != nil)
        }
    }

    @Test func edgeCases() {
        let cases: [[UInt8]] = [
            [], [0x00], [0x7F], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0xBF],
            [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0xFF], [0xE2, 0x82], [0xE2, 0x82, 0xAC], [0xE2, 0x28, 0xA1], Array("abcdefgh€ijklmnop".utf8),
            Array("abcdefghijklmnop".utf8) + [0x80], [0x61, 0xF0, 0x9F, 0x99, 0x82, 0x61],
        ]
        for bytes in cases { #expect(Self.agree(bytes), "\(bytes)") }
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 8)
        for _ in 0 ..< 20_000 {
            let count = Int.random(in: 0 ... 24, using: &random)
            // Mostly valid text with a byte changed now and then, and pure noise.
            var bytes: [UInt8]
            if Bool.random(using: &random) {
                var wire = RandomWire(seed: random.next())
                bytes = Array(wire.string(maxScalars: 8).utf8)
                if !bytes.isEmpty, Bool.random(using: &random) {
                    bytes[Int.random(in: 0 ..< bytes.count, using: &random)] = .random(in: 0x80 ... 0xFF, using: &random)
                }
            } else {
                bytes = (0 ..< count).map { _ in UInt8.random(in: 0 ... 255, using: &random) }
            }
            #expect(Self.agree(bytes), "\(bytes)")
        }
    }
}
