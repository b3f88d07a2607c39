import NIOCore

/// The primitive reads of the wire over raw bytes: every read is checked against the input's end and the limits
/// before it touches a byte or allocates, and every failure is a ``WireError`` with the field's offset.
struct WireReader: ~Copyable {
    let bytes: UnsafeRawBufferPointer
    private(set) var position = 0
    /// The offset of `bytes[0]` within what errors count from (the frame, or the caller's input).
    let origin: Int
    let limits: WireLimits
    let keywords: KeywordTable
    let kind: WireKind?

    init(bytes: UnsafeRawBufferPointer, origin: Int, limits: WireLimits, keywords: KeywordTable, kind: WireKind?) {
        self.bytes = bytes
        self.origin = origin
        self.limits = limits
        self.keywords = keywords
        self.kind = kind
    }

    /// Runs `body` over a buffer's readable bytes; `consumed` is how many it read.
    static func read<T>(
        _ buffer: ByteBuffer,
        origin: Int,
        limits: WireLimits,
        keywords: KeywordTable,
        kind: WireKind?,
        _ body: (inout WireReader) throws(WireError) -> T
    ) throws(WireError) -> (value: T, consumed: Int) {
        let result = buffer.withUnsafeReadableBytes { raw -> Result<(T, Int), WireError> in
            var reader = WireReader(bytes: raw, origin: origin, limits: limits, keywords: keywords, kind: kind)
            do throws(WireError) {
                let value = try body(&reader)
                return .success((value, reader.position))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    var remaining: Int { bytes.count - position }

    func error(_ code: WireError.Code, _ field: String, at position: Int, _ detail: String) -> WireError {
        WireError(code, kind: kind?.description, field: field, offset: origin + position, detail: detail)
    }

    func expectEnd() throws(WireError) {
        guard position == bytes.count else {
            throw error(.trailingBytes, "end of body", at: position,
                        "\(remaining) bytes follow the last field")
        }
    }

    // MARK: Numbers

    mutating func readByte(_ field: String) throws(WireError) -> UInt8 {
        guard position < bytes.count else {
            throw error(.truncated, field, at: position, "the input ends where a byte was expected")
        }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 varint of at most 10 bytes and 64 bits. Overlong forms (a zero high group) are accepted.
    mutating func readVarint(_ field: String) throws(WireError) -> UInt64 {
        if position < bytes.count, bytes[position] < 0x80 {
            defer { position += 1 }
            return UInt64(bytes[position])
        }
        return try readLongVarint(field)
    }

    private mutating func readLongVarint(_ field: String) throws(WireError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else {
                throw error(.truncated, field, at: start, "the input ends inside a varint")
            }
            let byte = bytes[position]
            position += 1
            if shift == 63, byte > 1 {
                throw error(.invalidVarint, field, at: start, "the varint runs over 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readUInt32(_ field: String) throws(WireError) -> UInt32 {
        let start = position
        let value = try readVarint(field)
        guard let narrow = UInt32(exactly: value) else {
            throw error(.valueOutOfRange, field, at: start, "the value does not fit in 32 bits")
        }
        return narrow
    }

    mutating func readUInt16(_ field: String) throws(WireError) -> UInt16 {
        let start = position
        let value = try readVarint(field)
        guard let narrow = UInt16(exactly: value) else {
            throw error(.valueOutOfRange, field, at: start, "the value does not fit in 16 bits")
        }
        return narrow
    }

    /// A presence or outcome byte: 0 or 1.
    mutating func readFlag(_ field: String) throws(WireError) -> Bool {
        let start = position
        switch try readByte(field) {
        case 0: return false
        case 1: return true
        default: throw error(.invalidTag, field, at: start, "a flag byte must be 0 or 1")
        }
    }

    /// A count of elements: at most `maximum` (the element limit by default), and no more than the bytes left
    /// could hold at `minimumElementLength` bytes each, so that nothing is reserved for elements that cannot come.
    mutating func readCount(
        _ field: String,
        minimumElementLength: Int,
        maximum: Int? = nil
    ) throws(WireError) -> Int {
        let start = position
        let value = try readVarint(field)
        let maximum = maximum ?? limits.maximumElements
        guard value <= UInt64(maximum) else {
            throw error(.tooManyElements, field, at: start, "the count exceeds the maximum of \(maximum)")
        }
        let count = Int(value)
        guard count * minimumElementLength <= remaining else {
            throw error(.overrun, field, at: start,
                        "\(count) elements need at least \(count * minimumElementLength) bytes, \(remaining) are left")
        }
        return count
    }

    // MARK: Strings and keys

    mutating func readString(_ field: String) throws(WireError) -> String {
        let start = position
        let value = try readVarint(field)
        guard value <= UInt64(limits.maximumStringLength) else {
            throw error(.stringTooLong, field, at: start,
                        "the length exceeds the maximum of \(limits.maximumStringLength) bytes")
        }
        return try readUTF8(length: Int(value), field, lengthAt: start)
    }

    private mutating func readUTF8(length: Int, _ field: String, lengthAt start: Int) throws(WireError) -> String {
        guard length <= remaining else {
            throw error(.overrun, field, at: start, "a length of \(length) runs past the end (\(remaining) left)")
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[position ..< position + length])
        guard let string = UTF8Validation.string(text) else {
            throw error(.invalidUTF8, field, at: position, "the \(length) bytes are not valid UTF-8")
        }
        position += length
        return string
    }

    /// A key as read: as ``Arguments`` stores it (trimmed; a keyword in Cisco's spelling), its lookup form
    /// (lower-cased), and an identity for cheap duplicate checks: the keyword number, or for any other key a hash of
    /// its lookup form with the high bit set (equal identities of that kind still need the strings compared).
    struct Key {
        var key: String
        var normalized: String
        var identity: UInt32

        var isKeyword: Bool { identity < 0x8000_0000 }
    }

    /// A key: a keyword number (odd header) or a string (even header).
    mutating func readKey(_ field: String) throws(WireError) -> Key {
        let start = position
        let header = try readVarint(field)
        if header & 1 == 1 {
            let number = header >> 1
            guard number <= UInt64(UInt16.max), let index = Int(exactly: number), index >= 1,
                  index <= keywords.count
            else {
                throw error(.unknownKeyword, field, at: start,
                            "keyword number \(number) is not in the version \(keywords.version) table (1 to \(keywords.count))")
            }
            return Key(key: keywords.keywords[index - 1].name, normalized: keywords.normalizedNames[index - 1],
                       identity: UInt32(index))
        }
        let length = header >> 1
        guard length <= UInt64(limits.maximumStringLength) else {
            throw error(.stringTooLong, field, at: start,
                        "the key's length exceeds the maximum of \(limits.maximumStringLength) bytes")
        }
        let key = try readUTF8(length: Int(length), field, lengthAt: start)
        let trimmed = Arguments.trim(key)
        let normalized = trimmed.lowercased()
        // A keyword sent as text arrives spelled as Cisco spells it, as if it had travelled as its number.
        if let number = keywords.number(forNormalized: normalized) {
            return Key(key: keywords.keywords[Int(number) - 1].name, normalized: normalized, identity: UInt32(number))
        }
        return Key(key: trimmed, normalized: normalized, identity: KeywordTable.fnv1a(normalized) | 0x8000_0000)
    }
}
