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
    /// - Throws: ``WireError`` when the set breaks a limit (depth, string length, element count).
    public static func encode(
        _ arguments: Arguments,
        into buffer: inout ByteBuffer,
        limits: WireLimits = .default,
        keywords: KeywordTable = .current
    ) throws(WireError) {
        let start = buffer.writerIndex
        let writer = WireWriter(limits: limits, keywords: keywords, origin: start, kind: nil)
        do {
            try writer.writeArguments(arguments, depth: 1, to: &buffer)
        } catch {
            buffer.moveWriterIndex(to: start)
            throw error
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
    func writeArguments(_ arguments: Arguments, depth: Int, to buffer: inout ByteBuffer) throws(WireError) {
        try writeCount(arguments.entries.count, "arguments count", to: &buffer)
        for entry in arguments.entries {
            try writeKey(entry.key, normalized: entry.normalized, "arguments key", to: &buffer)
            try writeValue(entry.value, containerDepth: depth, to: &buffer)
        }
    }

    /// A value held by a container at depth `containerDepth`: a nested container is one deeper.
    func writeValue(_ value: ArgumentValue, containerDepth: Int, to buffer: inout ByteBuffer) throws(WireError) {
        switch value {
        case .integer(let integer):
            Self.writeTagged(ArgumentsCodec.Tag.integer, varint: Self.zigzag(integer), to: &buffer)
        case .string(let string):
            buffer.writeInteger(ArgumentsCodec.Tag.string)
            try writeString(string, "string value", to: &buffer)
        case .boolean(let boolean):
            buffer.writeInteger(boolean ? ArgumentsCodec.Tag.true : ArgumentsCodec.Tag.false)
        case .arguments(let nested):
            try checkDepth(containerDepth + 1, at: buffer)
            buffer.writeInteger(ArgumentsCodec.Tag.arguments)
            try writeArguments(nested, depth: containerDepth + 1, to: &buffer)
        case .array(let elements):
            try checkDepth(containerDepth + 1, at: buffer)
            buffer.writeInteger(ArgumentsCodec.Tag.array)
            try writeCount(elements.count, "array count", to: &buffer)
            for element in elements {
                try writeValue(element, containerDepth: containerDepth + 1, to: &buffer)
            }
        }
    }

    private func checkDepth(_ depth: Int, at buffer: ByteBuffer) throws(WireError) {
        guard depth <= limits.maximumDepth else {
            throw error(.tooDeep, "nested value", at: buffer,
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
        // Duplicate keys are refused: a linear scan for small sets, a hash set for large ones.
        var seen: Set<String>? = count > 16 ? Set(minimumCapacity: count) : nil
        for _ in 0 ..< count {
            let keyStart = position
            let (key, normalized) = try readKey("arguments key")
            let duplicate = if seen != nil {
                !seen!.insert(normalized).inserted
            } else {
                entries.contains { $0.normalized == normalized }
            }
            if duplicate {
                throw error(.duplicateKey, "arguments key", at: keyStart,
                            "the key appears earlier in the same set (keys ignore case and surrounding spaces)")
            }
            let value = try readValue(containerDepth: depth)
            entries.append(Arguments.Entry(key: key, normalized: normalized, value: value))
        }
        var arguments = Arguments()
        arguments.entries = entries
        return arguments
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
