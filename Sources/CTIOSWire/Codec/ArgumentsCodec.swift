import NIOCore

/// The binary encoding of ``Arguments`` (Docs/Protocol.md, "Arguments"):
///
/// ```
/// arguments = count:varint, count × (key, value)
/// key       = varint h; h odd: keyword number h >> 1; h even: h >> 1 bytes of UTF-8
/// value     = tag:byte, then 0x01 integer: zigzag varint | 0x02 string: length varint, UTF-8
///             | 0x03 false | 0x04 true | 0x05 arguments | 0x06 array: count varint, count × value
/// ```
///
/// Entries keep their order. A key in the ``KeywordTable`` travels as its number and arrives spelled as Cisco
/// spells it; any other key travels as it was first spelled (trimmed).
public enum ArgumentsCodec {
    /// Value type tags.
    public enum Tag {
        public static let integer: UInt8 = 0x01
        public static let string: UInt8 = 0x02
        public static let `false`: UInt8 = 0x03
        public static let `true`: UInt8 = 0x04
        public static let arguments: UInt8 = 0x05
        public static let array: UInt8 = 0x06
    }

    /// Appends the encoding of `arguments` to `buffer`. On error nothing is appended.
    ///
    /// - Throws: ``WireError`` when the set breaks a limit (depth, string length, element count); offsets count
    ///   from the first byte of the encoding.
    public static func encode(
        _ arguments: Arguments,
        into buffer: inout ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) {
        try WireWriter.write(into: &buffer, limits: limits, keywords: keywords, kind: nil) {
            (writer: inout WireWriter) throws(WireError) in
            try writer.writeArguments(arguments, depth: 1)
        }
    }

    /// The encoding of `arguments` in a buffer of its own.
    public static func encoded(
        _ arguments: Arguments,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> ByteBuffer {
        var buffer = ByteBuffer()
        try encode(arguments, into: &buffer, limits: limits, keywords: keywords)
        return buffer
    }

    /// Reads one Arguments encoding off the front of `buffer` (bytes after it stay). On error nothing is consumed;
    /// offsets count from `buffer`'s reader index.
    public static func decode(
        from buffer: inout ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> Arguments {
        let (arguments, consumed) = try WireReader.read(
            buffer, origin: 0, limits: limits, keywords: keywords, kind: nil
        ) { (reader: inout WireReader) throws(WireError) in
            try reader.readArguments(depth: 1)
        }
        buffer.moveReaderIndex(forwardBy: consumed)
        return arguments
    }

    /// Decodes bytes that hold exactly one Arguments encoding.
    ///
    /// - Throws: ``WireError/Code/trailingBytes`` when bytes follow it.
    public static func decode(
        _ bytes: ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) -> Arguments {
        try WireReader.read(bytes, origin: 0, limits: limits, keywords: keywords, kind: nil) {
            (reader: inout WireReader) throws(WireError) in
            let arguments = try reader.readArguments(depth: 1)
            try reader.expectEnd()
            return arguments
        }.value
    }
}

// MARK: - Writing

extension WireWriter {
    /// An Arguments set at nesting depth `depth` (1 for a frame's top-level sets).
    mutating func writeArguments(_ arguments: Arguments, depth: Int) throws(WireError) {
        try writeCount(arguments.entries.count, "arguments count")
        for entry in arguments.entries {
            try writeKey(entry.key, normalized: entry.normalized, "arguments key")
            try writeValue(entry.value, containerDepth: depth)
        }
    }

    /// A value held by a container at depth `containerDepth`: a nested container is one deeper.
    mutating func writeValue(_ value: ArgumentValue, containerDepth: Int) throws(WireError) {
        switch value {
        case .integer(let integer):
            writeByte(ArgumentsCodec.Tag.integer)
            writeVarint(Self.zigzag(integer))
        case .string(let string):
            writeByte(ArgumentsCodec.Tag.string)
            try writeString(string, "string value")
        case .boolean(let boolean):
            writeByte(boolean ? ArgumentsCodec.Tag.true : ArgumentsCodec.Tag.false)
        case .arguments(let nested):
            try checkDepth(containerDepth + 1)
            writeByte(ArgumentsCodec.Tag.arguments)
            try writeArguments(nested, depth: containerDepth + 1)
        case .array(let elements):
            try checkDepth(containerDepth + 1)
            writeByte(ArgumentsCodec.Tag.array)
            try writeCount(elements.count, "array count")
            for element in elements {
                try writeValue(element, containerDepth: containerDepth + 1)
            }
        }
    }

    private func checkDepth(_ depth: Int) throws(WireError) {
        guard depth <= limits.maximumDepth else {
            throw error(.tooDeep, "nested value",
                        "containers nest \(depth) deep, over the maximum of \(limits.maximumDepth)")
        }
    }
}

// MARK: - Reading

extension WireReader {
    /// An Arguments set at nesting depth `depth` (the caller checked the depth).
    mutating func readArguments(depth: Int) throws(WireError) -> Arguments {
        let count = try readCount("arguments count", minimumElementLength: 2)
        var entries: [Arguments.Entry] = []
        entries.reserveCapacity(count)
        if count > 32 {
            try readLargeArguments(count: count, depth: depth, into: &entries)
        } else {
            // Duplicate keys are refused: identities on the stack, compared as integers.
            let outcome = withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count) { identities in
                do throws(WireError) {
                    try readSmallArguments(count: count, depth: depth, identities: identities, into: &entries)
                    return WireError?.none
                } catch {
                    return error
                }
            }
            if let outcome { throw outcome }
        }
        var arguments = Arguments()
        arguments.entries = entries
        return arguments
    }

    private mutating func readSmallArguments(
        count: Int,
        depth: Int,
        identities: UnsafeMutableBufferPointer<UInt32>,
        into entries: inout [Arguments.Entry]
    ) throws(WireError) {
        for index in 0 ..< count {
            let keyStart = position
            let key = try readKey("arguments key")
            for earlier in 0 ..< index where identities[earlier] == key.identity {
                if key.isKeyword || entries[earlier].normalized == key.normalized {
                    throw duplicateKey(at: keyStart)
                }
            }
            identities[index] = key.identity
            let value = try readValue(containerDepth: depth)
            entries.append(Arguments.Entry(key: key.key, normalized: key.normalized, value: value))
        }
    }

    private mutating func readLargeArguments(
        count: Int,
        depth: Int,
        into entries: inout [Arguments.Entry]
    ) throws(WireError) {
        var seen = Set<String>(minimumCapacity: count)
        for _ in 0 ..< count {
            let keyStart = position
            let key = try readKey("arguments key")
            guard seen.insert(key.normalized).inserted else { throw duplicateKey(at: keyStart) }
            let value = try readValue(containerDepth: depth)
            entries.append(Arguments.Entry(key: key.key, normalized: key.normalized, value: value))
        }
    }

    private func duplicateKey(at start: Int) -> WireError {
        error(.duplicateKey, "arguments key", at: start,
              "the key appears earlier in the same set (keys ignore case and surrounding spaces)")
    }

    mutating func readValue(containerDepth: Int) throws(WireError) -> ArgumentValue {
        let start = position
        let tag = try readByte("value tag")
        switch tag {
        case ArgumentsCodec.Tag.integer:
            return .integer(WireWriter.unzigzag(try readVarint("integer value")))
        case ArgumentsCodec.Tag.string:
            return .string(try readString("string value"))
        case ArgumentsCodec.Tag.false:
            return .boolean(false)
        case ArgumentsCodec.Tag.true:
            return .boolean(true)
        case ArgumentsCodec.Tag.arguments:
            try checkDepth(containerDepth + 1, at: start)
            return .arguments(try readArguments(depth: containerDepth + 1))
        case ArgumentsCodec.Tag.array:
            try checkDepth(containerDepth + 1, at: start)
            let count = try readCount("array count", minimumElementLength: 1)
            var elements: [ArgumentValue] = []
            elements.reserveCapacity(count)
            for _ in 0 ..< count {
                elements.append(try readValue(containerDepth: containerDepth + 1))
            }
            return .array(elements)
        default:
            throw error(.unknownValueTag, "value tag", at: start,
                        "tag \(tag) is none of 1 (integer) to 6 (array)")
        }
    }

    private func checkDepth(_ depth: Int, at start: Int) throws(WireError) {
        guard depth <= limits.maximumDepth else {
            throw error(.tooDeep, "nested value", at: start,
                        "containers nest \(depth) deep, over the maximum of \(limits.maximumDepth)")
        }
    }
}

extension Arguments {
    /// A key as ``Arguments`` stores it: without surrounding spaces.
    static func trim(_ key: String) -> String {
        guard key.utf8.first == 0x20 || key.utf8.last == 0x20 else { return key }
        var trimmed = Substring(key)
        while trimmed.first == " " { trimmed.removeFirst() }
        while trimmed.last == " " { trimmed.removeLast() }
        return String(trimmed)
    }
}
