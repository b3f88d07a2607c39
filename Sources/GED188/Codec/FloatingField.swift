#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One field of a message's floating part, as read: its tag and its data bytes (a view of the frame, valid only
/// during the decode that produced it).
public struct FloatingField {
    public let tag: FloatingTag
    /// The data bytes (the field's length excludes the 4-byte tag and length).
    public let data: UnsafeRawBufferPointer
    /// Offset of the field's tag within the message.
    public let offset: Int
    @usableFromInline let messageType: MessageType

    @inlinable
    init(tag: FloatingTag, data: UnsafeRawBufferPointer, offset: Int, messageType: MessageType) {
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
        _ data: UnsafeRawBufferPointer, field: StaticString, max: Int, messageType: MessageType, offset: Int
    ) throws(GED188Error) -> String {
        guard data.count <= max else {
            throw GED188Error(
                .fieldTooLong, messageType: messageType, field: "\(field)", offset: offset,
                detail: "\(data.count) bytes, the maximum is \(max) including the NUL"
            )
        }
        let text: String? = data.baseAddress.flatMap { base in
            memchr(base, 0, data.count).map { end in
                String(decoding: UnsafeRawBufferPointer(start: base, count: base.distance(to: UnsafeRawPointer(end))),
                       as: UTF8.self)
            }
        }
        guard let text else {
            throw GED188Error(
                .missingTerminator, messageType: messageType, field: "\(field)", offset: offset,
                detail: "a STRING must end with a NUL byte"
            )
        }
        return text
    }

    /// A STRING that holds a secret (AgentPassword): the bytes before the NUL, never turned into text.
    public func secretString(_ field: StaticString, max: Int) throws(GED188Error) -> Secret {
        guard data.count <= max else {
            throw error(.fieldTooLong, field, "\(data.count) bytes, the maximum is \(max) including the NUL")
        }
        guard let end = data.firstIndex(of: 0) else {
            throw error(.missingTerminator, field, "a STRING must end with a NUL byte")
        }
        return Secret(Array(data[..<end]))
    }

    /// UNSPEC: raw bytes, at most `max`.
    @inlinable
    public func bytes(_ field: StaticString, max: Int) throws(GED188Error) -> [UInt8] {
        guard data.count <= max else {
            throw error(.fieldTooLong, field, "\(data.count) bytes, the maximum is \(max)")
        }
        return Array(data)
    }

    @inlinable
    func integer<T: FixedWidthInteger>(_ field: StaticString, as: T.Type) throws(GED188Error) -> T {
        guard data.count == MemoryLayout<T>.size else {
            throw error(.invalidFieldLength, field, "expected \(MemoryLayout<T>.size) bytes, found \(data.count)")
        }
        return T(bigEndian: data.loadUnaligned(as: T.self))
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
        guard data.count % size == 0 else {
            throw error(.invalidFieldLength, field, "\(data.count) bytes is not a whole number of \(size)-byte values")
        }
        return stride(from: 0, to: data.count, by: size).map { T(bigEndian: data.loadUnaligned(fromByteOffset: $0, as: T.self)) }
    }

    /// A NAMEDVAR: name (NUL-terminated, at most 33 bytes) then value (NUL-terminated, at most 211 bytes).
    public func namedVariable() throws(GED188Error) -> NamedVariable {
        let (name, value) = try namePair(data, "NamedVariable")
        return NamedVariable(name: name, value: value)
    }

    /// A NAMEDARRAY: a 1-byte index, then name and value as in a NAMEDVAR.
    public func namedArray() throws(GED188Error) -> NamedArrayElement {
        guard let index = data.first else {
            throw error(.invalidFieldLength, "NamedArray", "a named array element needs its 1-byte index")
        }
        let (name, value) = try namePair(UnsafeRawBufferPointer(rebasing: data.dropFirst()), "NamedArray")
        return NamedArrayElement(name: name, index: index, value: value)
    }

    private func namePair(_ bytes: UnsafeRawBufferPointer, _ field: StaticString) throws(GED188Error) -> (String, String) {
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
        UnknownFloatingField(tag: tag, data: Array(data))
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
