import GED188
import NIOCore
import Testing

/// Checks over every hand-written vector at once: that every catalogued message has one, and that the
/// comparisons the per-message tests make can fail.
@Suite struct VectorCoverageVectorTests {
    @Test func everyCataloguedMessageHasAHandWrittenVector() {
        let covered = Set(MessageVector.all.map(\.expected.type))
        for entry in MessageCatalog.entries {
            #expect(covered.contains(entry.type), "no hand-written vector for \(entry.name) (\(entry.type.rawValue))")
        }
        #expect(!MessageVector.all.contains { if case .unknown = $0.expected { true } else { false } })
    }

    @Test func vectorNamesAreUnique() {
        let names = MessageVector.all.map(\.name)
        #expect(Set(names).count == names.count)
    }

    /// The header's MessageLength, typed by hand, matches the bytes typed by hand after it.
    @Test(arguments: MessageVector.all)
    func messageLengthMatchesTheBody(_ vector: MessageVector) throws {
        let bytes = vector.hex.bytes
        try #require(bytes.count >= 8)
        let length = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
        #expect(length == bytes.count - 8)
        let type = bytes[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        #expect(type == vector.expected.type.rawValue)
    }

    /// Twin of every `check`: one byte changed in the first body field (InvokeID, MonitorID, Status or PGStatus,
    /// all UINT; or the UINT a vector names in `changedByteOffset`) gives a message that is not the expected one,
    /// and that does not encode to the vector.
    @Test(arguments: MessageVector.all)
    func oneChangedByteIsNoLongerTheExpectedMessage(_ vector: MessageVector) throws {
        let offset = vector.changedByteOffset  // low byte of the first body field unless the vector names another
        let changed = vector.replacing(byteAt: offset, with: ~vector.hex.bytes[offset])
        let decoded = try #require(try decodeMessage(changed))
        #expect(decoded != vector.expected)
        #expect(decoded.type == vector.expected.type)
        #expect(Array(try decoded.encoded().readableBytesView) != vector.hex.bytes)
        #expect(Array(try decoded.encoded().readableBytesView) == changed)
    }

    /// The expected messages are all different from one another, so no two vectors prove the same thing twice by
    /// accident (a copy-paste slip in an expected message would show here).
    @Test func expectedMessagesAreDistinct() {
        let expected = MessageVector.all.map(\.expected)
        #expect(Set(expected).count == expected.count)
    }
}
