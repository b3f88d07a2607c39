import NIOCore

/// Reads the body of one GED-188 message: the fixed part field by field, then the floating part.
///
/// A reader works on the frame's bytes in place and is only valid while the decode that made it runs: decoders
/// receive one from ``GED188Message/init(type:body:)`` or ``GED188MessageBody/init(body:)`` and never keep it.
/// Every read is bounds-checked against the frame; a short body or an overrunning field is a ``GED188Error``
/// that names the message, the field and the offset. Nothing is ever read past the frame.
public struct BodyReader {
    @usableFromInline let bytes: UnsafeRawBufferPointer
    @usableFromInline var position = 0
    @usableFromInline var namedDataLength = 0
    /// The message being read, for error reports.
    public let messageType: MessageType

    @inlinable
    init(type: MessageType, bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        self.messageType = type
    }

    /// Runs `body` with a reader over `buffer`'s readable bytes.
    @inlinable
    static func withReader<Result>(
        type: MessageType, over buffer: ByteBuffer,
        _ body: (inout BodyReader) throws(GED188Error) -> Result
    ) throws(GED188Error) -> Result {
        do {
            return try buffer.withUnsafeReadableBytes { raw in
                var reader = BodyReader(type: type, bytes: raw)
                return try body(&reader)
            }
        } catch {
            // `withUnsafeReadableBytes` rethrows untyped; the only error `body` can throw is ours.
            throw error as! GED188Error
        }
    }

    /// Bytes of the body not yet read.
    @inlinable public var remaining: Int { bytes.count - position }

    /// Offset of the next byte within the message, header included.
    @inlinable public var offset: Int { GED188Protocol.headerLength + position }

    // MARK: Fixed part

    @inlinable @inline(__always)
    mutating func integer<T: FixedWidthInteger>(_ field: StaticString, as: T.Type) throws(GED188Error) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw truncated(field, need: size) }
        let value = T(bigEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
        position += size
        return value
    }

    @usableFromInline
    func truncated(_ field: StaticString, need: Int) -> GED188Error {
        GED188Error(
            .truncated, messageType: messageType, field: "\(field)", offset: offset,
            detail: "the fixed part needs \(need) more byte(s), \(remaining) left"
        )
    }

    /// UINT, 4 bytes.
    @inlinable public mutating func uint(_ field: StaticString) throws(GED188Error) -> UInt32 {
        try integer(field, as: UInt32.self)
    }
    /// INT, 4 bytes.
    @inlinable public mutating func int(_ field: StaticString) throws(GED188Error) -> Int32 {
        try integer(field, as: Int32.self)
    }
    /// USHORT, 2 bytes.
    @inlinable public mutating func ushort(_ field: StaticString) throws(GED188Error) -> UInt16 {
        try integer(field, as: UInt16.self)
    }
    /// SHORT, 2 bytes.
    @inlinable public mutating func short(_ field: StaticString) throws(GED188Error) -> Int16 {
        try integer(field, as: Int16.self)
    }
    /// UCHAR, 1 byte.
    @inlinable public mutating func uchar(_ field: StaticString) throws(GED188Error) -> UInt8 {
        try integer(field, as: UInt8.self)
    }
    /// BOOL: 2 bytes in GED-188, any nonzero value is true.
    @inlinable public mutating func bool(_ field: StaticString) throws(GED188Error) -> Bool {
        try integer(field, as: UInt16.self) != 0
    }
    /// TIME: 4 bytes, seconds since 1970-01-01 UTC.
    @inlinable public mutating func time(_ field: StaticString) throws(GED188Error) -> GEDTime {
        GEDTime(secondsSince1970: try integer(field, as: UInt32.self))
    }

    // Unchecked reads, for generated decoders after one check of the whole fixed part (`truncatedFixedPart`).

    @usableFromInline @inline(__always)
    mutating func unchecked<T: FixedWidthInteger>(_: T.Type) -> T {
        assert(remaining >= MemoryLayout<T>.size, "fixed part read without its bounds check")
        let value = T(bigEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
        position += MemoryLayout<T>.size
        return value
    }

    @usableFromInline @inline(__always) mutating func uncheckedUint() -> UInt32 { unchecked(UInt32.self) }
    @usableFromInline @inline(__always) mutating func uncheckedInt() -> Int32 { unchecked(Int32.self) }
    @usableFromInline @inline(__always) mutating func uncheckedUshort() -> UInt16 { unchecked(UInt16.self) }
    @usableFromInline @inline(__always) mutating func uncheckedShort() -> Int16 { unchecked(Int16.self) }
    @usableFromInline @inline(__always) mutating func uncheckedUchar() -> UInt8 { unchecked(UInt8.self) }
    @usableFromInline @inline(__always) mutating func uncheckedBool() -> Bool { unchecked(UInt16.self) != 0 }
    @usableFromInline @inline(__always) mutating func uncheckedTime() -> GEDTime {
        GEDTime(secondsSince1970: unchecked(UInt32.self))
    }

    /// The error for a body shorter than its fixed part: it names the field in which the body ends.
    @usableFromInline
    func truncatedFixedPart(_ fields: [(name: StaticString, size: Int)]) -> GED188Error {
        var start = 0
        for (name, size) in fields {
            if remaining < start + size {
                return GED188Error(
                    .truncated, messageType: messageType, field: "\(name)", offset: offset + start,
                    detail: "the fixed part needs \(start + size - remaining) more byte(s), \(max(remaining - start, 0)) left"
                )
            }
            start += size
        }
        return GED188Error(.truncated, messageType: messageType, offset: offset, detail: "the fixed part is incomplete")
    }

    /// A fixed-length STRING in the fixed part: `size` bytes, the text ending at the first NUL.
    @inlinable public mutating func fixedString(_ field: StaticString, size: Int) throws(GED188Error) -> String {
        let at = offset
        guard remaining >= size else { throw truncated(field, need: size) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<position + size])
        position += size
        return try FloatingField.decodeString(slice, field: field, max: size, messageType: messageType, offset: at)
    }

    // MARK: Floating part

    /// The next floating field, or `nil` at the end of the body.
    @inlinable
    public mutating func nextFloatingField() throws(GED188Error) -> FloatingField? {
        guard remaining > 0 else { return nil }
        let at = offset
        guard remaining >= 4 else {
            throw GED188Error(
                .fieldOverrun, messageType: messageType, offset: at,
                detail: "a floating field header needs 4 bytes, \(remaining) left"
            )
        }
        let tag = UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt16.self))
        let length = Int(UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: position + 2, as: UInt16.self)))
        position += 4
        guard remaining >= length else {
            throw GED188Error(
                .fieldOverrun, messageType: messageType, field: FloatingTag(rawValue: tag).description,
                offset: at,
                detail: "floating field length \(length) runs past the end of the message (\(remaining) left)"
            )
        }
        let data = UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
        position += length
        return FloatingField(tag: FloatingTag(rawValue: tag), data: data, offset: at, messageType: messageType)
    }

    /// Decodes a NAMEDVAR field, counting it against the message's 2,000-byte limit for named data.
    public mutating func namedVariable(_ field: FloatingField) throws(GED188Error) -> NamedVariable {
        try countNamedData(field)
        return try field.namedVariable()
    }

    /// Decodes a NAMEDARRAY field, counting it against the message's 2,000-byte limit for named data.
    public mutating func namedArray(_ field: FloatingField) throws(GED188Error) -> NamedArrayElement {
        try countNamedData(field)
        return try field.namedArray()
    }

    private mutating func countNamedData(_ field: FloatingField) throws(GED188Error) {
        namedDataLength += field.data.count
        guard namedDataLength <= GED188Protocol.maximumNamedDataLength else {
            throw GED188Error(
                .namedDataTooLarge, messageType: messageType, field: field.tag.description, offset: field.offset,
                detail: "named variables and arrays reach \(namedDataLength) bytes, the maximum is \(GED188Protocol.maximumNamedDataLength)"
            )
        }
    }

    /// The error for a required floating field that never came.
    public func missing(_ field: StaticString) -> GED188Error {
        GED188Error(.missingField, messageType: messageType, field: "\(field)", offset: offset,
                    detail: "the floating part ends without this required field")
    }

    /// The error for a field of a repeated group that comes before the group's first field.
    public func outOfGroup(_ field: FloatingField, first: StaticString) -> GED188Error {
        GED188Error(.missingField, messageType: messageType, field: "\(first)", offset: field.offset,
                    detail: "\(field.tag) must follow a \(first), which starts each group")
    }

    /// The error for a single-valued floating field that came twice.
    public func duplicate(_ field: FloatingField) -> GED188Error {
        GED188Error(.duplicateField, messageType: messageType, field: field.tag.description, offset: field.offset,
                    detail: "this field may appear only once")
    }
}
