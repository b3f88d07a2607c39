import NIOCore

/// The primitive writes of the wire: varints, zigzag integers, length-prefixed strings, keys.
/// Limits are checked here, so that nothing is written that the other side would refuse.
struct WireWriter {
    let limits: WireLimits
    let keywords: KeywordTable
    /// Where the frame (or the Arguments encoding) being written starts: errors give offsets from it.
    let origin: Int
    let kind: WireKind?

    init(limits: WireLimits, keywords: KeywordTable, origin: Int, kind: WireKind?) {
        self.limits = limits
        self.keywords = keywords
        self.origin = origin
        self.kind = kind
    }

    func error(_ code: WireError.Code, _ field: String, at buffer: ByteBuffer, _ detail: String) -> WireError {
        WireError(code, kind: kind?.description, field: field, offset: buffer.writerIndex - origin, detail: detail)
    }

    // MARK: Numbers

    static func writeVarint(_ value: UInt64, to buffer: inout ByteBuffer) {
        if value < 0x80 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: value))
            return
        }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 10) { bytes in
            var rest = value
            var count = 0
            while rest >= 0x80 {
                bytes[count] = UInt8(truncatingIfNeeded: rest) | 0x80
                rest >>= 7
                count += 1
            }
            bytes[count] = UInt8(truncatingIfNeeded: rest)
            return count + 1
        }
    }

    /// A tag byte and a varint in one write (the common case of a small value).
    static func writeTagged(_ tag: UInt8, varint value: UInt64, to buffer: inout ByteBuffer) {
        if value < 0x80 {
            buffer.writeInteger(UInt16(tag) << 8 | UInt16(truncatingIfNeeded: value))
            return
        }
        buffer.writeInteger(tag)
        writeVarint(value, to: &buffer)
    }

    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }

    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }

    func writeVarint(_ value: UInt64, to buffer: inout ByteBuffer) { Self.writeVarint(value, to: &buffer) }

    func writeFlag(_ value: Bool, to buffer: inout ByteBuffer) { buffer.writeInteger(UInt8(value ? 1 : 0)) }

    /// A count of elements, checked against the limit.
    func writeCount(_ count: Int, _ field: String, to buffer: inout ByteBuffer) throws(WireError) {
        guard count <= limits.maximumElements else {
            throw error(.tooManyElements, field, at: buffer,
                        "\(count) elements exceed the maximum of \(limits.maximumElements)")
        }
        Self.writeVarint(UInt64(count), to: &buffer)
    }

    // MARK: Strings and keys

    func writeString(_ string: String, _ field: String, to buffer: inout ByteBuffer) throws(WireError) {
        let length = string.utf8.count
        guard length <= limits.maximumStringLength else {
            throw error(.stringTooLong, field, at: buffer,
                        "\(length) bytes exceed the maximum of \(limits.maximumStringLength)")
        }
        Self.writeVarint(UInt64(length), to: &buffer)
        buffer.writeString(string)
    }

    /// A key: `number << 1 | 1` for a keyword, `length << 1` then the UTF-8 bytes for any other key.
    func writeKey(_ key: String, normalized: String, _ field: String, to buffer: inout ByteBuffer) throws(WireError) {
        if let number = keywords.number(forNormalized: normalized) {
            Self.writeVarint(UInt64(number) << 1 | 1, to: &buffer)
            return
        }
        let length = key.utf8.count
        guard length <= limits.maximumStringLength else {
            throw error(.stringTooLong, field, at: buffer,
                        "a key of \(length) bytes exceeds the maximum of \(limits.maximumStringLength)")
        }
        Self.writeVarint(UInt64(length) << 1, to: &buffer)
        buffer.writeString(key)
    }
}
