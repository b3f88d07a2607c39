import NIOCore

/// One field of a message's floating part, as read: its tag and its data bytes (a slice of the frame).
public struct FloatingField {
    public let tag: FloatingTag
    /// The data bytes (the field's length excludes the 4-byte tag and length).
    public let data: ByteBuffer
    /// Offset of the field's tag within the message.
    public let offset: Int
    @usableFromInline let messageType: MessageType

    @inlinable
    init(tag: FloatingTag, data: ByteBuffer, offset: Int, messageType: MessageType) {
        self.tag = tag
        self.data = data
        self.offset = offset
        self.messageType = messageType
    }

    @usableFromInline
    func error(_ code: GED188Error.Code, _ field: StaticString, _ detail: String) -> GED188Error {
        GED188Error(code, messageType: messageType, field: "\(field)", offset: offset, detail: detail)
    }

    /// A STRING: at most `max` bytes including the terminating NUL; the text ends at the first NUL.
    @inlinable
    public func string(_ field: StaticString, max: Int) throws(GED188Error) -> String {
        try Self.decodeString(data, field: field, max: max, messageType: messageType, offset: offset)
    }

    @inlinable
    static func decodeString(
        _ data: ByteBuffer, field: StaticString, max: Int, messageType: MessageType, offset: Int
    ) throws(GED188Error) -> String {
        guard data.readableBytes <= max else {
            throw GED188Error(
                .fieldTooLong, messageType: messageType, field: "\(field)", offset: offset,
                detail: "\(data.readableBytes) bytes, the maximum is \(max) including the NUL"
            )
        }
        let text: String? = data.withUnsafeReadableBytes { raw in
            guard let end = raw.firstIndex(of: 0) else { return nil }
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[..<end]), as: UTF8.self)
        }
        guard let text else {
            throw GED188Error(
                .missingTerminator, messageType: messageType, field: "\(field)", offset: offset,
                detail: "a STRING must end with a NUL byte"
            )
        }
        return text
    }

    /// UNSPEC: raw bytes, at most `max`.
    @inlinable
    public func bytes(_ field: StaticString, max: Int) throws(GED188Error) -> [UInt8] {
        guard data.readableBytes <= max else {
            throw error(.fieldTooLong, field, "\(data.readableBytes) bytes, the maximum is \(max)")
        }
        return Array(data.readableBytesView)
    }

    @inlinable
    func integer<T: FixedWidthInteger>(_ field: StaticString, as: T.Type) throws(GED188Error) -> T {
        guard data.readableBytes == MemoryLayout<T>.size, let value = data.getInteger(at: data.readerIndex, as: T.self)
        else {
            throw error(.invalidFieldLength, field, "expected \(MemoryLayout<T>.size) bytes, found \(data.readableBytes)")
        }
        return value
    }

    @inlinable public func uint(_ field: StaticString) throws(GED188Error) -> UInt32 { try integer(field, as: UInt32.self) }
    @inlinable public func int(_ field: StaticString) throws(GED188Error) -> Int32 { try integer(field, as: Int32.self) }
    @inlinable public func ushort(_ field: StaticString) throws(GED188Error) -> UInt16 { try integer(field, as: UInt16.self) }
    @inlinable public func short(_ field: StaticString) throws(GED188Error) -> Int16 { try integer(field, as: Int16.self) }
    @inlinable public func uchar(_ field: StaticString) throws(GED188Error) -> UInt8 { try integer(field, as: UInt8.self) }
    @inlinable public func bool(_ field: StaticString) throws(GED188Error) -> Bool { try integer(field, as: UInt16.self) != 0 }
    @inlinable public func time(_ field: StaticString) throws(GED188Error) -> GEDTime {
        GEDTime(secondsSince1970: try integer(field, as: UInt32.self))
    }

    /// UINT[n]: several UINTs in one field (CONFIG_SERVICE_EVENT ServiceMember, CONFIG_AGENT_EVENT skill groups).
    public func uintArray(_ field: StaticString) throws(GED188Error) -> [UInt32] {
        try integers(field, as: UInt32.self)
    }

    /// USHORT[n]: several USHORTs in one field.
    public func ushortArray(_ field: StaticString) throws(GED188Error) -> [UInt16] {
        try integers(field, as: UInt16.self)
    }

    private func integers<T: FixedWidthInteger>(_ field: StaticString, as: T.Type) throws(GED188Error) -> [T] {
        let size = MemoryLayout<T>.size
        guard data.readableBytes % size == 0 else {
            throw error(.invalidFieldLength, field, "\(data.readableBytes) bytes is not a whole number of \(size)-byte values")
        }
        var slice = data
        var values: [T] = []
        values.reserveCapacity(data.readableBytes / size)
        while let value = slice.readInteger(as: T.self) { values.append(value) }
        return values
    }

    /// A NAMEDVAR: name (NUL-terminated, at most 33 bytes) then value (NUL-terminated, at most 211 bytes).
    public func namedVariable() throws(GED188Error) -> NamedVariable {
        var slice = data
        let (name, value) = try namePair(&slice, "NamedVariable")
        return NamedVariable(name: name, value: value)
    }

    /// A NAMEDARRAY: a 1-byte index, then name and value as in a NAMEDVAR.
    public func namedArray() throws(GED188Error) -> NamedArrayElement {
        var slice = data
        guard let index = slice.readInteger(as: UInt8.self) else {
            throw error(.invalidFieldLength, "NamedArray", "a named array element needs its 1-byte index")
        }
        let (name, value) = try namePair(&slice, "NamedArray")
        return NamedArrayElement(name: name, index: index, value: value)
    }

    private func namePair(_ slice: inout ByteBuffer, _ field: StaticString) throws(GED188Error) -> (String, String) {
        let bytes = slice.readableBytesView
        guard let nameEnd = bytes.firstIndex(of: 0) else {
            throw error(.missingTerminator, field, "the variable name must end with a NUL byte")
        }
        let nameLength = nameEnd - bytes.startIndex + 1
        guard nameLength <= NamedVariable.maximumNameLength else {
            throw error(.fieldTooLong, field, "name of \(nameLength) bytes, the maximum is \(NamedVariable.maximumNameLength) including the NUL")
        }
        let name = String(decoding: bytes[bytes.startIndex..<nameEnd], as: UTF8.self)
        let valueBytes = bytes[(nameEnd + 1)...]
        guard let valueEnd = valueBytes.firstIndex(of: 0) else {
            throw error(.missingTerminator, field, "the value of \(name) must end with a NUL byte")
        }
        let valueLength = valueEnd - valueBytes.startIndex + 1
        guard valueLength <= NamedVariable.maximumValueLength else {
            throw error(.fieldTooLong, field, "value of \(valueLength) bytes, the maximum is \(NamedVariable.maximumValueLength) including the NUL")
        }
        return (name, String(decoding: valueBytes[valueBytes.startIndex..<valueEnd], as: UTF8.self))
    }

    /// The field kept as it came, for a tag this message does not define.
    public var unknown: UnknownFloatingField {
        UnknownFloatingField(tag: tag, data: Array(data.readableBytesView))
    }
}

/// A floating field whose tag the message does not define: skipped when reading, kept, and written back last.
public struct UnknownFloatingField: Hashable, Sendable, Codable {
    public var tag: FloatingTag
    public var data: [UInt8]

    public init(tag: FloatingTag, data: [UInt8]) {
        self.tag = tag
        self.data = data
    }

    enum CodingKeys: String, CodingKey { case tag, data }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tag = FloatingTag(rawValue: try container.decode(UInt16.self, forKey: .tag))
        data = try container.decode(HexBytes.self, forKey: .data).bytes
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tag.rawValue, forKey: .tag)
        try container.encode(HexBytes(data), forKey: .data)
    }
}
