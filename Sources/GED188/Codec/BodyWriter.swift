import NIOCore

/// Writes the body of one GED-188 message: fixed fields in order, then floating fields.
///
/// Writing checks what the guide limits (string sizes, named data size) so that we never send a message a CTI
/// Server would reject; a violation is a ``GED188Error`` naming the field.
public struct BodyWriter {
    @usableFromInline var buffer: ByteBuffer
    @usableFromInline var namedDataLength = 0
    public let messageType: MessageType

    @inlinable
    init(type: MessageType, buffer: ByteBuffer) {
        self.buffer = buffer
        self.messageType = type
    }

    @usableFromInline
    func error(_ code: GED188Error.Code, _ field: StaticString, _ detail: String) -> GED188Error {
        GED188Error(code, messageType: messageType, field: "\(field)", detail: detail)
    }

    // MARK: Fixed part

    @inlinable public mutating func uint(_ value: UInt32) { buffer.writeInteger(value) }
    @inlinable public mutating func int(_ value: Int32) { buffer.writeInteger(value) }
    @inlinable public mutating func ushort(_ value: UInt16) { buffer.writeInteger(value) }
    @inlinable public mutating func short(_ value: Int16) { buffer.writeInteger(value) }
    @inlinable public mutating func uchar(_ value: UInt8) { buffer.writeInteger(value) }
    @inlinable public mutating func bool(_ value: Bool) { buffer.writeInteger(UInt16(value ? 1 : 0)) }
    @inlinable public mutating func time(_ value: GEDTime) { buffer.writeInteger(value.secondsSince1970) }
    @inlinable public mutating func enumeration<E: GED188Enumeration>(_ value: E) where E.RawValue == UInt16 {
        buffer.writeInteger(value.rawValue)
    }
    @inlinable public mutating func enumeration<E: GED188Enumeration>(_ value: E) where E.RawValue == UInt32 {
        buffer.writeInteger(value.rawValue)
    }

    /// A fixed-length STRING in the fixed part: the text, a NUL, and NUL padding up to `size`.
    @inlinable
    public mutating func fixedString(_ value: String, size: Int, field: StaticString) throws(GED188Error) {
        let length = value.utf8.count
        guard length < size else { throw error(.fieldTooLong, field, "\(length + 1) bytes with the NUL, the maximum is \(size)") }
        buffer.writeString(value)
        buffer.writeRepeatingByte(0, count: size - length)
    }

    // MARK: Floating part

    @inlinable
    mutating func header(_ tag: FloatingTag, length: Int) {
        buffer.writeInteger(tag.rawValue)
        buffer.writeInteger(UInt16(truncatingIfNeeded: length))
    }

    /// A STRING floating field, sent with its NUL; nothing when `value` is nil.
    @inlinable
    public mutating func string(_ tag: FloatingTag, _ value: String?, max: Int, field: StaticString) throws(GED188Error) {
        guard let value else { return }
        let length = value.utf8.count + 1
        guard length <= max else {
            throw error(.fieldTooLong, field, "\(length) bytes with the NUL, the maximum is \(max)")
        }
        header(tag, length: length)
        buffer.writeString(value)
        buffer.writeInteger(UInt8(0))
    }

    /// Several STRING fields under one tag, in order.
    @inlinable
    public mutating func strings(_ tag: FloatingTag, _ values: [String], max: Int, field: StaticString) throws(GED188Error) {
        for value in values { try string(tag, value, max: max, field: field) }
    }

    /// A secret sent as a STRING (AgentPassword): its bytes and a NUL; nothing when `value` is nil.
    public mutating func secretString(_ tag: FloatingTag, _ value: Secret?, max: Int, field: StaticString) throws(GED188Error) {
        guard let value else { return }
        guard value.bytes.count < max else {
            throw error(.fieldTooLong, field, "\(value.bytes.count + 1) bytes with the NUL, the maximum is \(max)")
        }
        guard !value.bytes.contains(0) else { throw error(.invalidValue, field, "a STRING cannot contain a NUL byte") }
        header(tag, length: value.bytes.count + 1)
        buffer.writeBytes(value.bytes)
        buffer.writeInteger(UInt8(0))
    }

    /// An UNSPEC floating field; nothing when `value` is nil.
    @inlinable
    public mutating func bytes(_ tag: FloatingTag, _ value: [UInt8]?, max: Int, field: StaticString) throws(GED188Error) {
        guard let value else { return }
        guard value.count <= max else { throw error(.fieldTooLong, field, "\(value.count) bytes, the maximum is \(max)") }
        header(tag, length: value.count)
        buffer.writeBytes(value)
    }

    @inlinable public mutating func uint(_ tag: FloatingTag, _ value: UInt32?) {
        guard let value else { return }
        header(tag, length: 4); buffer.writeInteger(value)
    }
    @inlinable public mutating func int(_ tag: FloatingTag, _ value: Int32?) {
        guard let value else { return }
        header(tag, length: 4); buffer.writeInteger(value)
    }
    @inlinable public mutating func ushort(_ tag: FloatingTag, _ value: UInt16?) {
        guard let value else { return }
        header(tag, length: 2); buffer.writeInteger(value)
    }
    @inlinable public mutating func short(_ tag: FloatingTag, _ value: Int16?) {
        guard let value else { return }
        header(tag, length: 2); buffer.writeInteger(value)
    }
    @inlinable public mutating func uchar(_ tag: FloatingTag, _ value: UInt8?) {
        guard let value else { return }
        header(tag, length: 1); buffer.writeInteger(value)
    }
    @inlinable public mutating func bool(_ tag: FloatingTag, _ value: Bool?) {
        guard let value else { return }
        header(tag, length: 2); buffer.writeInteger(UInt16(value ? 1 : 0))
    }
    @inlinable public mutating func time(_ tag: FloatingTag, _ value: GEDTime?) {
        guard let value else { return }
        header(tag, length: 4); buffer.writeInteger(value.secondsSince1970)
    }

    /// UINT[n] in one field; nothing when `values` is nil.
    public mutating func uintArray(_ tag: FloatingTag, _ values: [UInt32]?, field: StaticString) throws(GED188Error) {
        guard let values else { return }
        guard values.count * 4 <= UInt16.max else { throw error(.fieldTooLong, field, "\(values.count) values do not fit one field") }
        header(tag, length: values.count * 4)
        for value in values { buffer.writeInteger(value) }
    }

    /// USHORT[n] in one field; nothing when `values` is nil.
    public mutating func ushortArray(_ tag: FloatingTag, _ values: [UInt16]?, field: StaticString) throws(GED188Error) {
        guard let values else { return }
        guard values.count * 2 <= UInt16.max else { throw error(.fieldTooLong, field, "\(values.count) values do not fit one field") }
        header(tag, length: values.count * 2)
        for value in values { buffer.writeInteger(value) }
    }

    /// NAMEDVAR fields, checked against the name, value and per-message limits.
    public mutating func namedVariables(_ values: [NamedVariable]) throws(GED188Error) {
        for variable in values {
            let length = try checkedNamePair(variable.name, variable.value, field: "NamedVariable")
            try countNamedData(length, field: "NamedVariable")
            header(.namedVariable, length: length)
            writeNamePair(variable.name, variable.value)
        }
    }

    /// NAMEDARRAY fields, checked as ``namedVariables(_:)``.
    public mutating func namedArrays(_ values: [NamedArrayElement]) throws(GED188Error) {
        for element in values {
            let length = try checkedNamePair(element.name, element.value, field: "NamedArray") + 1
            try countNamedData(length, field: "NamedArray")
            header(.namedArray, length: length)
            buffer.writeInteger(element.index)
            writeNamePair(element.name, element.value)
        }
    }

    private func checkedNamePair(_ name: String, _ value: String, field: StaticString) throws(GED188Error) -> Int {
        let nameLength = name.utf8.count + 1, valueLength = value.utf8.count + 1
        guard nameLength <= NamedVariable.maximumNameLength else {
            throw error(.fieldTooLong, field, "name of \(nameLength) bytes, the maximum is \(NamedVariable.maximumNameLength)")
        }
        guard valueLength <= NamedVariable.maximumValueLength else {
            throw error(.fieldTooLong, field, "value of \(name) has \(valueLength) bytes, the maximum is \(NamedVariable.maximumValueLength)")
        }
        return nameLength + valueLength
    }

    private mutating func countNamedData(_ length: Int, field: StaticString) throws(GED188Error) {
        namedDataLength += length
        guard namedDataLength <= GED188Protocol.maximumNamedDataLength else {
            throw error(.namedDataTooLarge, field, "named variables and arrays reach \(namedDataLength) bytes, the maximum is \(GED188Protocol.maximumNamedDataLength)")
        }
    }

    private mutating func writeNamePair(_ name: String, _ value: String) {
        buffer.writeString(name); buffer.writeInteger(UInt8(0))
        buffer.writeString(value); buffer.writeInteger(UInt8(0))
    }

    /// The error for a group element without the field every element starts with.
    public func groupWithoutFirstField(_ group: StaticString, first: StaticString) -> GED188Error {
        error(.missingField, first, "each \(group) must have its \(first): it marks where the group starts")
    }

    /// Writes back fields kept from decoding, after every known field.
    @inlinable
    public mutating func unknown(_ fields: [UnknownFloatingField]) {
        for field in fields {
            header(field.tag, length: field.data.count)
            buffer.writeBytes(field.data)
        }
    }
}
