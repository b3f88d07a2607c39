import NIOCore

/// Reads the body of one GED-188 message: the fixed part field by field, then the floating part.
///
/// Every read is bounds-checked against the frame; a short body or an overrunning field is a ``GED188Error``
/// that names the message, the field and the offset. Nothing is ever read past the frame.
public struct BodyReader {
    @usableFromInline var buffer: ByteBuffer
    @usableFromInline let bodyStart: Int
    @usableFromInline var namedDataLength = 0
    /// The message being read, for error reports.
    public let messageType: MessageType

    @inlinable
    public init(type: MessageType, body: ByteBuffer) {
        self.buffer = body
        self.bodyStart = body.readerIndex
        self.messageType = type
    }

    /// Bytes of the body not yet read.
    @inlinable public var remaining: Int { buffer.readableBytes }

    /// Offset of the next byte within the message, header included.
    @inlinable public var offset: Int { GED188Protocol.headerLength + buffer.readerIndex - bodyStart }

    // MARK: Fixed part

    @inlinable
    mutating func integer<T: FixedWidthInteger>(_ field: StaticString, as: T.Type) throws(GED188Error) -> T {
        guard let value = buffer.readInteger(as: T.self) else { throw truncated(field, need: MemoryLayout<T>.size) }
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
    /// A USHORT enumeration.
    @inlinable public mutating func enumeration<E: GED188Enumeration>(
        _ field: StaticString, as: E.Type = E.self
    ) throws(GED188Error) -> E where E.RawValue == UInt16 {
        E(rawValue: try integer(field, as: UInt16.self))
    }
    /// A UINT enumeration.
    @inlinable public mutating func enumeration<E: GED188Enumeration>(
        _ field: StaticString, as: E.Type = E.self
    ) throws(GED188Error) -> E where E.RawValue == UInt32 {
        E(rawValue: try integer(field, as: UInt32.self))
    }

    /// A fixed-length STRING in the fixed part: `size` bytes, the text ending at the first NUL.
    @inlinable public mutating func fixedString(_ field: StaticString, size: Int) throws(GED188Error) -> String {
        let at = offset
        guard let slice = buffer.readSlice(length: size) else { throw truncated(field, need: size) }
        return try FloatingField.decodeString(slice, field: field, max: size, messageType: messageType, offset: at)
    }

    /// The rest of the body as one raw byte string (for layouts that end in free bytes).
    @inlinable public mutating func rest() -> [UInt8] {
        buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    // MARK: Floating part

    /// The next floating field, or `nil` at the end of the body.
    @inlinable
    public mutating func nextFloatingField() throws(GED188Error) -> FloatingField? {
        guard buffer.readableBytes > 0 else { return nil }
        let at = offset
        guard let tag = buffer.readInteger(as: UInt16.self), let length = buffer.readInteger(as: UInt16.self) else {
            throw GED188Error(
                .fieldOverrun, messageType: messageType, offset: at,
                detail: "a floating field header needs 4 bytes, \(buffer.readableBytes) left"
            )
        }
        guard let data = buffer.readSlice(length: Int(length)) else {
            throw GED188Error(
                .fieldOverrun, messageType: messageType, field: FloatingTag(rawValue: tag).description,
                offset: at,
                detail: "floating field length \(length) runs past the end of the message (\(buffer.readableBytes) left)"
            )
        }
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
        namedDataLength += field.data.readableBytes
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

    /// The error for a single-valued floating field that came twice.
    public func duplicate(_ field: FloatingField) -> GED188Error {
        GED188Error(.duplicateField, messageType: messageType, field: field.tag.description, offset: field.offset,
                    detail: "this field may appear only once")
    }
}
